package org.kleline.ledger.projector;

import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.kleline.ledger.model.serde.SchemaUnavailableException;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.merchants.MerchantDirectoryBehindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the projector does when a stream thread dies. Two failures that say nothing about the event
 * replace the thread: a merchant directory that was behind ({@link MerchantDirectoryBehindException},
 * in the cause chain of Streams' own StreamsException once the processing exception handler
 * answered FAIL, wrapped by the decide stage with the event's context), and a schema registry that could
 * not give a record's schema for now (a transient
 * {@link SchemaUnavailableException}, once the dead-letter handler answered FAIL). Under
 * exactly_once_v2 the task's open transaction is aborted, nothing of the event was written, and the
 * new thread resumes from the last commit, deciding the event again with the directory further
 * along, or reading the record again. Nothing bounds the retries: a replacement costs a rebalance
 * and a restore, slow enough not to spin, and each one is logged at WARN and counted. Anything else
 * (a non-transient registry refusal such as 401 included) shuts the client down.
 */
final class StreamThreadFailureHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailureHandler.class);

    private final ProjectorMetrics metrics;

    StreamThreadFailureHandler(ProjectorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        Optional<MerchantDirectoryBehindException> behind = MerchantDirectoryBehindException.in(failure);
        if (behind.isPresent()) {
            metrics.merchantDirectoryRetried();
            LOG.warn(
                    "replacing the stream thread, its open transaction aborted: {}",
                    behind.get().getMessage());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        Optional<SchemaUnavailableException> unavailable = SchemaUnavailableException.in(failure);
        if (unavailable.isPresent() && unavailable.get().isTransient()) {
            metrics.schemaRegistryRetried();
            LOG.warn(
                    "replacing the stream thread, its open transaction aborted; the record is read again from the "
                            + "last commit: {}",
                    unavailable.get().getMessage());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("projector stream thread failed; shutting the projector down", failure);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
