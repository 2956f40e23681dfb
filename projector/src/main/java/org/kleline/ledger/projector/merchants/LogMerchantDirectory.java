package org.kleline.ledger.projector.merchants;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.EventPartitions;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.projector.errors.ProjectorMetrics;

/**
 * The production merchant directory, one per projector process, shared by its decide tasks: a
 * {@link MerchantBook} fed by a {@link MerchantLogReader} of its own, and the partitions'
 * {@link ReadPositions}. A look-up for an event E first waits until the merchant's partition is read
 * up to E's bound there ({@link LogPosition#boundFor}), then answers the merchant as its events below
 * that bound left it: exactly the merchant events the cross-key rule lets count, however fast each
 * partition was read.
 *
 * <p>A wait that times out fails: with {@link MerchantDirectoryBehindException} when the bound lies
 * within the partition's end offset, asked of the brokers then (the directory lags; the stream thread
 * is replaced and the event decided again), with an {@link InvalidFieldException} on
 * {@code appendedAfter} when it lies past it (no ingest stamps a bound beyond what the log held when the
 * event was appended, so the
 * record was forged around ingest: the decide stage sets it aside). Never is an event decided with a
 * directory that merely lags.
 */
public final class LogMerchantDirectory implements MerchantDirectory, AutoCloseable {

    private final MerchantBook book;
    private final ReadPositions positions;
    private final MerchantLogReader reader;
    private final Thread thread;
    private final long waitTimeoutMs;
    private final ProjectorMetrics metrics;
    private final EndOffsets ends;

    /**
     * The end offset of a partition of the log, asked of the brokers when called (not the reader's view,
     * which lags exactly when it matters); a failure to ask throws.
     */
    @FunctionalInterface
    public interface EndOffsets {
        long of(int partition);
    }

    public LogMerchantDirectory(
            Consumer<byte[], byte[]> consumer,
            String topic,
            int partitions,
            Deserializer<EventEnvelope> deserializer,
            BusinessCalendar calendar,
            Duration waitTimeout,
            ProjectorMetrics metrics,
            EndOffsets ends) {
        this(
                new MerchantBook(calendar),
                new ReadPositions(partitions),
                consumer,
                topic,
                deserializer,
                waitTimeout,
                metrics,
                ends);
    }

    LogMerchantDirectory(
            MerchantBook book,
            ReadPositions positions,
            Consumer<byte[], byte[]> consumer,
            String topic,
            Deserializer<EventEnvelope> deserializer,
            Duration waitTimeout,
            ProjectorMetrics metrics,
            EndOffsets ends) {
        this.ends = ends;
        this.book = book;
        this.positions = positions;
        this.reader = new MerchantLogReader(consumer, topic, deserializer, book::apply, positions);
        this.thread = new Thread(reader, "merchant-directory-reader");
        this.thread.setDaemon(true);
        this.waitTimeoutMs = waitTimeout.toMillis();
        this.metrics = metrics;
    }

    public void start() {
        thread.start();
    }

    @Override
    public Optional<MerchantTerms> termsAt(String merchantId, Instant at, LogPosition event) {
        int partition = partitionOf(merchantId);
        long bound = event.boundFor(partition);
        if (positions.readTo(partition) < bound) {
            requireReaderRunning(merchantId);
            long startNs = System.nanoTime();
            boolean reached;
            try {
                reached = positions.awaitReadTo(partition, bound, waitTimeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted waiting for merchant " + merchantId + " below offset " + bound + " of partition "
                                + partition,
                        e);
            }
            long waitedMs = (System.nanoTime() - startNs) / 1_000_000;
            metrics.merchantWaited(waitedMs);
            if (!reached) {
                metrics.merchantWaitTimedOut();
                requireReaderRunning(merchantId);
                long end = endNow(partition);
                if (end >= 0 && bound > end) {
                    throw new InvalidFieldException(
                            "appendedAfter",
                            bound,
                            "partition " + partition
                                    + " of the event log ends at offset " + end + ", below the event's bound: no ingest"
                                    + " stamps a bound past the log's end");
                }
                throw new MerchantDirectoryBehindException(
                        merchantId, bound, partition, positions.readTo(partition), waitedMs);
            }
        }
        return book.termsAt(merchantId, at, bound);
    }

    /** The partition's end offset now, or -1 when the brokers could not say (then the look-up is retried). */
    private long endNow(int partition) {
        try {
            return ends.of(partition);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void requireReaderRunning(String merchantId) {
        Throwable failure = reader.failure();
        if (failure != null) {
            throw new IllegalStateException(
                    "merchant " + merchantId + " cannot be looked up: the merchant directory's" + " reader stopped: "
                            + failure,
                    failure);
        }
    }

    /**
     * Waits until every partition of the log has been read through its end offset as the reader first
     * asked it, at most {@code timeout}: at start, so that no payment waits on a directory still reading
     * a long history.
     *
     * @return true when it has, false on timeout
     */
    public boolean awaitStartEnds(Duration timeout) throws InterruptedException {
        return positions.awaitStartEnds(timeout.toMillis());
    }

    @Override
    public OptionalInt partitionOfKey(String recordKey) {
        return OptionalInt.of(EventPartitions.partitionOf(recordKey, positions.partitions()));
    }

    /** The partition of ledger.events that holds merchant {@code merchantId}'s events. */
    int partitionOf(String merchantId) {
        return EventPartitions.partitionOf(AggregateKey.merchant(merchantId).value(), positions.partitions());
    }

    @Override
    public void close() {
        reader.stop();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
