package org.kleline.ledger.ingest.append;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.LoggerFactory;

/**
 * Told of each producer ingest makes, so that something outside follows it (its meters on the process's
 * {@code /metrics}); the handle it returns is closed when the producer is.
 */
@FunctionalInterface
public interface ProducerWatch {

    /** Follows nothing. */
    ProducerWatch NONE = producer -> () -> {};

    /** Starts following {@code producer}; the handle stops it. */
    AutoCloseable watch(Producer<?, ?> producer);

    /** Closes a handle, logging rather than throwing: a watch never fails an append. */
    static void release(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(ProducerWatch.class).warn("releasing a producer's watch failed: {}", e.toString());
        }
    }
}
