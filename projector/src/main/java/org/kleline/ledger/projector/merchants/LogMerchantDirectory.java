package org.kleline.ledger.projector.merchants;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.projector.decide.MerchantRecord;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production merchant directory, one per projector process, shared by its decide tasks: a
 * {@link MerchantBook} fed by a {@link MerchantLogReader} of its own, and per-partition
 * {@link PartitionWatermarks}. A look-up at time t first waits until the merchant's partition is
 * complete through t, so it sees every merchant event with occurredAt <= t however fast each
 * partition was read.
 *
 * <p>A wait that times out while the directory could have been complete through t (t not later
 * than the wall clock plus {@link #CLOCK_SKEW_ALLOWANCE}) fails with
 * {@link MerchantDirectoryBehindException}: the event is decided again later, never with a
 * directory that merely lags. Only a future-dated event (t later than that) is decided with what is
 * known, counted and logged: no wait would complete it before the wall clock reaches t, and failing
 * would replay it in a loop until then. That is the one path whose outcome may depend on timing.
 */
public final class LogMerchantDirectory implements MerchantDirectory, MerchantDirectorySource, AutoCloseable {

    /**
     * How far ahead of this process's clock an event's time may be and still count as past: ingest
     * replicas stamp occurredAt with their own clocks, which may run a little ahead of ours.
     */
    public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LogMerchantDirectory.class);

    private final MerchantBook book;
    private final PartitionWatermarks watermarks;
    private final MerchantLogReader reader;
    private final Thread thread;
    private final long waitTimeoutMs;
    private final Clock clock;
    private final ProjectorMetrics metrics;

    public LogMerchantDirectory(Consumer<byte[], byte[]> consumer, String topic, int partitions,
            Deserializer<EventEnvelope> deserializer, BusinessCalendar calendar, Duration waitTimeout,
            ProjectorMetrics metrics) {
        this(new MerchantBook(calendar), new PartitionWatermarks(partitions), consumer, topic, deserializer,
                Clock.systemUTC(), waitTimeout, metrics);
    }

    LogMerchantDirectory(MerchantBook book, PartitionWatermarks watermarks, Consumer<byte[], byte[]> consumer,
            String topic, Deserializer<EventEnvelope> deserializer, Clock clock, Duration waitTimeout,
            ProjectorMetrics metrics) {
        this.book = book;
        this.watermarks = watermarks;
        this.reader = new MerchantLogReader(consumer, topic, deserializer, book::apply, watermarks, clock);
        this.thread = new Thread(reader, "merchant-directory-reader");
        this.thread.setDaemon(true);
        this.waitTimeoutMs = waitTimeout.toMillis();
        this.clock = clock;
        this.metrics = metrics;
    }

    public void start() {
        thread.start();
    }

    @Override
    public MerchantDirectory forTask(ReadOnlyKeyValueStore<String, MerchantRecord> taskMerchants) {
        return this;
    }

    @Override
    public Optional<MerchantTerms> termsAt(String merchantId, Instant at) {
        int partition = partitionOf(merchantId);
        long atMs = at.toEpochMilli();
        if (watermarks.completeThrough(partition) < atMs) {
            long startNs = System.nanoTime();
            boolean complete;
            try {
                complete = watermarks.awaitThrough(partition, atMs, waitTimeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for merchant " + merchantId + " as of " + at, e);
            }
            long waitedMs = (System.nanoTime() - startNs) / 1_000_000;
            metrics.merchantWaited(waitedMs);
            if (!complete) {
                long readThroughMs = watermarks.completeThrough(partition);
                long nowMs = clock.millis();
                if (couldBeComplete(atMs, nowMs)) {
                    throw new MerchantDirectoryBehindException(merchantId, at, partition, readThroughMs, waitedMs);
                }
                metrics.merchantWaitTimedOut();
                LOG.warn("merchant {} looked up as of {}, later than the wall clock ({}) by more than {}: partition {} "
                        + "of the event log is read through {} and no wait completes it before then; deciding with "
                        + "what is known", merchantId, at, Instant.ofEpochMilli(nowMs), CLOCK_SKEW_ALLOWANCE,
                        partition, PartitionWatermarks.describe(readThroughMs));
            }
        }
        return book.termsAt(merchantId, at);
    }

    /**
     * Whether a directory that kept up could be complete through {@code atMs} by {@code nowMs}: a
     * partition caught up at wall time w is complete through w, so any time not later than the
     * clock (plus the skew allowance) is reachable, and a time out then only means the directory lags.
     */
    static boolean couldBeComplete(long atMs, long nowMs) {
        return atMs <= nowMs + CLOCK_SKEW_ALLOWANCE.toMillis();
    }

    /**
     * Waits until every partition of the log has been read through what was appended before
     * {@code wallTimeMs}, at most {@code timeout}: at start, so that no payment waits on a directory
     * still reading a long history.
     *
     * @return true when it has, false on timeout
     */
    public boolean awaitReadThrough(long wallTimeMs, Duration timeout) throws InterruptedException {
        return watermarks.awaitAllThrough(wallTimeMs, timeout.toMillis());
    }

    /** The partition of ledger.events that holds merchant {@code merchantId}'s events. */
    int partitionOf(String merchantId) {
        byte[] key = AggregateKey.merchant(merchantId).value().getBytes(StandardCharsets.UTF_8);
        return BuiltInPartitioner.partitionForKey(key, watermarks.partitions());
    }

    public PartitionWatermarks watermarks() {
        return watermarks;
    }

    public int merchants() {
        return book.merchants();
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
