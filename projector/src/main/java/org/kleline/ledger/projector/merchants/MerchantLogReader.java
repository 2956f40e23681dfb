package org.kleline.ledger.projector.merchants;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant directory's own reader of ledger.events: all partitions, read_committed, from the
 * beginning. It deserializes only the records whose key starts with {@code merchant:}, applies
 * them in log order per partition, and raises each partition's watermark: to the occurredAt of
 * each record read, and to the wall time at which the partition was found read to its end.
 */
public final class MerchantLogReader implements Runnable {

    /** Key prefix of merchant events on ledger.events. */
    public static final String MERCHANT_KEY_PREFIX = "merchant:";
    static final Duration POLL_TIMEOUT = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(MerchantLogReader.class);
    private static final byte[] PREFIX_BYTES = MERCHANT_KEY_PREFIX.getBytes(StandardCharsets.UTF_8);

    /** Receives each merchant event in log order of its partition. */
    public interface MerchantEventSink {
        void apply(EventEnvelope event);
    }

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<EventEnvelope> deserializer;
    private final MerchantEventSink sink;
    private final PartitionWatermarks watermarks;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Throwable failure;

    public MerchantLogReader(Consumer<byte[], byte[]> consumer, String topic, Deserializer<EventEnvelope> deserializer,
            MerchantEventSink sink, PartitionWatermarks watermarks, Clock clock) {
        this.consumer = consumer;
        this.topic = topic;
        this.deserializer = deserializer;
        this.sink = sink;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                long askedAtMs = clock.millis();
                markCaughtUp(partitions, askedAtMs);
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    read(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("merchant directory reader stopped; merchant look-ups will time out", e);
        } finally {
            consumer.close();
        }
    }

    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    /** The error that stopped the reader, or null. */
    public Throwable failure() {
        return failure;
    }

    private List<TopicPartition> partitions() {
        var infos = consumer.partitionsFor(topic);
        if (infos == null || infos.size() != watermarks.partitions()) {
            throw new IllegalStateException(topic + " has " + (infos == null ? 0 : infos.size())
                    + " partitions, the merchant directory expects " + watermarks.partitions());
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /**
     * A partition whose position reaches the end offset asked for after {@code askedAtMs} holds
     * nothing committed before that time that was not read: it is complete through that time.
     */
    private void markCaughtUp(List<TopicPartition> partitions, long askedAtMs) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            Long end = ends.get(tp);
            if (end != null && consumer.position(tp) >= end) {
                watermarks.advance(tp.partition(), askedAtMs);
            }
        }
    }

    private void read(ConsumerRecord<byte[], byte[]> record) {
        if (isMerchantKey(record.key())) {
            try {
                EventEnvelope event = deserializer.deserialize(record.topic(), record.headers(), record.value());
                sink.apply(event);
                watermarks.advance(record.partition(), event.getOccurredAt().toEpochMilli());
                return;
            } catch (RuntimeException e) {
                // A poison record: the decide stage sends it to the dead-letter topic; it has no outcome.
                LOG.warn("merchant directory skips unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.toString());
                return;
            }
        }
        OptionalLong occurredAt = EnvelopeTime.occurredAt(record.value());
        if (occurredAt.isPresent()) {
            watermarks.advance(record.partition(), occurredAt.getAsLong());
        }
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
