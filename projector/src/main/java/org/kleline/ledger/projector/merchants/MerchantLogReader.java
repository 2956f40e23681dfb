package org.kleline.ledger.projector.merchants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.SchemaUnavailableException;
import org.kleline.ledger.model.topics.EventPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant directory's own reader of ledger.events: all partitions, read_committed, from the
 * beginning. It deserializes only the records whose key starts with {@code merchant:}, applies them
 * in log order per partition with their offsets, and after each poll raises each partition's read
 * position ({@link ReadPositions}) to the consumer's position: every record below it was applied or
 * is not a merchant event (or was aborted, or a transaction marker). At start it asks the end offsets,
 * so that the projector can wait until the history as it was then is read.
 *
 * <p>A merchant record that cannot be read for a reason that would not recur (bad bytes, an unknown
 * schema) is skipped, as the decide stage sets it aside; one that fails for a passing reason (the
 * schema registry unreachable) is read again after {@link #RETRY_BACKOFF}, its partition held where
 * it was meanwhile. Any other failure stops the reader, and every look-up then fails naming it.
 */
final class MerchantLogReader implements Runnable {

    /** Key prefix of merchant events on ledger.events. */
    public static final String MERCHANT_KEY_PREFIX = "merchant:";

    static final Duration POLL_TIMEOUT = Duration.ofMillis(20);
    static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(MerchantLogReader.class);
    private static final byte[] PREFIX_BYTES = MERCHANT_KEY_PREFIX.getBytes(StandardCharsets.UTF_8);

    /** Receives each merchant event in log order of its partition. */
    public interface MerchantEventSink {
        void apply(String recordKey, EventEnvelope event, long offset);
    }

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<EventEnvelope> deserializer;
    private final MerchantEventSink sink;
    private final ReadPositions positions;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    public MerchantLogReader(
            Consumer<byte[], byte[]> consumer,
            String topic,
            Deserializer<EventEnvelope> deserializer,
            MerchantEventSink sink,
            ReadPositions positions) {
        this.consumer = consumer;
        this.topic = topic;
        this.deserializer = deserializer;
        this.sink = sink;
        this.positions = positions;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.endOffsets(partitions).forEach((tp, end) -> positions.startEndAt(tp.partition(), end));
            while (stopped.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                boolean retry = false;
                for (TopicPartition tp : records.partitions()) {
                    retry |= !readAll(tp, records.records(tp));
                }
                for (TopicPartition tp : partitions) {
                    positions.advance(tp.partition(), consumer.position(tp));
                }
                if (retry) {
                    stopped.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException e) {
            if (stopped.getCount() > 0) {
                fail(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            consumer.close();
        }
    }

    public void stop() {
        stopped.countDown();
        consumer.wakeup();
    }

    /** The error that stopped the reader, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    private void fail(Throwable e) {
        failure = e;
        LOG.error("merchant directory reader stopped; every merchant look-up fails from now on", e);
    }

    private List<TopicPartition> partitions() {
        var infos = consumer.partitionsFor(topic);
        if (infos == null || infos.size() != positions.partitions()) {
            throw new IllegalStateException(topic + " has " + (infos == null ? 0 : infos.size())
                    + " partitions, the merchant directory expects " + positions.partitions());
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /**
     * Applies a partition's records of one poll in order.
     *
     * @return false when one must be read again later: the partition is then sought back to it
     */
    private boolean readAll(TopicPartition tp, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!read(record)) {
                consumer.seek(tp, record.offset());
                return false;
            }
        }
        return true;
    }

    private boolean read(ConsumerRecord<byte[], byte[]> record) {
        if (!isMerchantKey(record.key())) {
            return true;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (EventPartitions.partitionOf(key, positions.partitions()) != record.partition()) {
            // Every producer partitions by key; a record written elsewhere by hand is not where look-ups find it.
            LOG.warn(
                    "merchant directory skips {}-{}@{}: key {} belongs to partition {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    key,
                    EventPartitions.partitionOf(key, positions.partitions()));
            return true;
        }
        EventEnvelope event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            Optional<SchemaUnavailableException> registry = SchemaUnavailableException.in(e);
            if (registry.isPresent() && registry.get().isTransient()) {
                LOG.warn(
                        "merchant directory cannot read {}-{}@{} for now, reads it again in {}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        RETRY_BACKOFF,
                        e.toString());
                return false;
            }
            if (registry.isPresent()) {
                // Not the record's fault and not passing (a registry refusing us): the decide stage stops too.
                throw e;
            }
            // A poison record: the decide stage sends it to the dead-letter topic; it has no outcome.
            LOG.warn(
                    "merchant directory skips unreadable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return true;
        }
        if (event != null) {
            sink.apply(key, event, record.offset());
        }
        return true;
    }

    static boolean isMerchantKey(byte[] key) {
        if (key == null || key.length < PREFIX_BYTES.length) {
            return false;
        }
        for (int i = 0; i < PREFIX_BYTES.length; i++) {
            if (key[i] != PREFIX_BYTES[i]) {
                return false;
            }
        }
        return true;
    }
}
