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
 * partition was read. A wait that times out is counted, logged, and decided with what is known:
 * the one path whose outcome may depend on timing.
 */
public final class LogMerchantDirectory implements MerchantDirectory, MerchantDirectorySource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogMerchantDirectory.class);

    private final MerchantBook book;
    private final PartitionWatermarks watermarks;
    private final MerchantLogReader reader;
    private final Thread thread;
    private final long waitTimeoutMs;
    private final ProjectorMetrics metrics;

    public LogMerchantDirectory(Consumer<byte[], byte[]> consumer, String topic, int partitions,
            Deserializer<EventEnvelope> deserializer, BusinessCalendar calendar, Duration waitTimeout,
            ProjectorMetrics metrics) {
        this.book = new MerchantBook(calendar);
        this.watermarks = new PartitionWatermarks(partitions);
        this.reader = new MerchantLogReader(consumer, topic, deserializer, book::apply, watermarks, Clock.systemUTC());
        this.thread = new Thread(reader, "merchant-directory-reader");
        this.thread.setDaemon(true);
        this.waitTimeoutMs = waitTimeout.toMillis();
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
            metrics.merchantWaited((System.nanoTime() - startNs) / 1_000_000);
            if (!complete) {
                metrics.merchantWaitTimedOut();
                LOG.warn("merchant {} looked up as of {} before partition {} of the event log was read that far "
                        + "(read through {}); deciding with what is known", merchantId, at, partition,
                        Instant.ofEpochMilli(watermarks.completeThrough(partition)));
            }
        }
        return book.termsAt(merchantId, at);
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
