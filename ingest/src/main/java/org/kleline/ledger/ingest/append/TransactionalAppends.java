package org.kleline.ledger.ingest.append;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.topics.AppendedAfterStamp;
import org.kleline.ledger.web.problem.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk appends, each batch in one Kafka transaction. A batch with events that the cross-key rule
 * stamps takes the log's end offsets first ({@link LogEnds}); inside the transaction, before a stamped
 * event that follows merchant events of the same batch, the producer is flushed and the stamp raised
 * past their offsets, so a merchant line counts for the lines after it in the same body.
 *
 * <p>A transactional producer runs one transaction at a time, so this keeps a small pool: {@code size}
 * producers, each owned by one worker thread, and a bounded queue of batches waiting for a worker
 * (past it, 503). A producer that failed is closed and
 * made anew on the next batch; reusing its transactional.id fences any transaction it left open.
 */
final class TransactionalAppends implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalAppends.class);
    public static final int QUEUED_BATCHES_MAX = 16;

    private final String topic;
    private final IntFunction<Producer<String, EventEnvelope>> producerFactory;
    private final BlockingQueue<Slot> slots;
    private final ExecutorService workers;
    private final LogEnds logEnds;
    private final ProducerWatch watch;

    public TransactionalAppends(
            String topic, int size, IntFunction<Producer<String, EventEnvelope>> producerFactory, LogEnds logEnds) {
        this(topic, size, producerFactory, logEnds, ProducerWatch.NONE);
    }

    /** As above; {@code watch} is told of every producer made (its meters), and its handle closed with it. */
    public TransactionalAppends(
            String topic,
            int size,
            IntFunction<Producer<String, EventEnvelope>> producerFactory,
            LogEnds logEnds,
            ProducerWatch watch) {
        this.watch = watch;
        if (size < 1) {
            throw new IllegalArgumentException("bulk producer pool size must be >= 1, was " + size);
        }
        this.topic = topic;
        this.producerFactory = producerFactory;
        this.logEnds = logEnds;
        this.slots = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            slots.add(new Slot(i));
        }
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_BATCHES_MAX), runnable -> {
                    Thread t = new Thread(runnable, "ledger-ingest-bulk-" + threads.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Makes every producer of the pool now and initializes its transactions; before any append only. */
    public void initAll() {
        for (Slot slot : slots) {
            slot.producer();
        }
    }

    public CompletableFuture<Void> append(List<KeyedEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<KeyedEvent> batch = List.copyOf(events);
        try {
            return CompletableFuture.runAsync(() -> inOneTransaction(batch), workers);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new UnavailableException(
                    "too many bulk appends in progress; at most " + QUEUED_BATCHES_MAX + " wait",
                    Duration.ofSeconds(1),
                    e));
        }
    }

    private void inOneTransaction(List<KeyedEvent> batch) {
        Slot slot = slots.poll();
        if (slot == null) {
            // As many slots as workers, and a worker returns its slot before it takes another batch.
            throw new IllegalStateException("no free bulk producer although a worker is free");
        }
        try {
            List<Long> ends = batch.stream().anyMatch(KeyedEvent::needsAppendedAfter) ? endsNow() : null;
            Producer<String, EventEnvelope> producer = slot.producer();
            producer.beginTransaction();
            sendAll(producer, batch, ends);
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            slot.discard();
            throw notAppended(batch, fatal);
        } catch (RuntimeException e) {
            slot.abortOrDiscard();
            throw notAppended(batch, e);
        } finally {
            slots.add(slot);
        }
    }

    private List<Long> endsNow() {
        try {
            return logEnds.afterNow().get(AdminLogEnds.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    "interrupted while reading the end offsets of " + topic, Duration.ofSeconds(1), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UnavailableException u
                    ? u
                    : new UnavailableException(
                            "the end offsets of " + topic + " could not be read: " + e.getCause(),
                            Duration.ofSeconds(2),
                            e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException(
                    "the end offsets of " + topic + " were not read in time", Duration.ofSeconds(2), e);
        }
    }

    /** Sends the batch in order, each stamped event stamped past the merchant events above it ({@link AppendedAfterStamp}). */
    private void sendAll(Producer<String, EventEnvelope> producer, List<KeyedEvent> batch, List<Long> ends) {
        AppendedAfterStamp stamp = ends == null ? null : new AppendedAfterStamp(ends);
        for (KeyedEvent event : batch) {
            KeyedEvent toSend =
                    stamp != null && event.needsAppendedAfter() ? event.appendedAfter(stamp.next(producer)) : event;
            // A failed send surfaces at commit (or at the flush), which then throws and the whole batch is aborted.
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, toSend.key(), toSend.envelope()));
            if (stamp != null && toSend.isMerchantEvent()) {
                stamp.merchantEventSent(sent);
            }
        }
    }

    private static UnavailableException notAppended(List<KeyedEvent> batch, RuntimeException e) {
        // After a commit timeout the transaction may still complete: the batch is all there or none of it,
        // and sending it again is safe, since events already appended come back DUPLICATE.
        return new UnavailableException(
                "the batch of " + batch.size() + " events was not confirmed appended ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); it is appended whole or not at all,"
                        + " and retrying it is safe",
                Duration.ofSeconds(2),
                e);
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        slots.forEach(Slot::discard);
    }

    private final class Slot {
        private final int index;
        private Producer<String, EventEnvelope> producer;
        private AutoCloseable watched;

        Slot(int index) {
            this.index = index;
        }

        Producer<String, EventEnvelope> producer() {
            if (producer == null) {
                Producer<String, EventEnvelope> fresh = producerFactory.apply(index);
                try {
                    fresh.initTransactions();
                } catch (RuntimeException e) {
                    fresh.close(Duration.ZERO);
                    throw e;
                }
                producer = fresh;
                watched = watch.watch(fresh);
            }
            return producer;
        }

        void abortOrDiscard() {
            if (producer == null) {
                return;
            }
            try {
                producer.abortTransaction();
            } catch (RuntimeException e) {
                LOG.warn("bulk producer {} could not abort its transaction; it is replaced", index, e);
                discard();
            }
        }

        void discard() {
            if (producer != null) {
                ProducerWatch.release(watched);
                watched = null;
                producer.close(Duration.ZERO);
                producer = null;
            }
        }
    }
}
