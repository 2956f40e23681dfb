package org.kleline.ledger.model.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.LogPosition;

/**
 * The {@code appendedAfter} stamp of one writer of {@code ledger.events} (the cross-key rule,
 * {@link org.kleline.ledger.model.event.LogPosition}): it starts at the log's end offsets as read
 * after the writer's request arrived, and is raised past every merchant event the writer sends, so
 * that an event it stamps later counts them. Ingest's bulk path keeps one per NDJSON body; a tool or
 * test that writes the log around ingest keeps one for all it writes.
 *
 * <p>Before a stamp is handed out, the merchant events sent since the last one are flushed and their
 * offsets read: the stamp is then exact, never a guess. Not thread-safe.
 */
public final class AppendedAfterStamp {

    private final long[] ends;
    private final List<Future<RecordMetadata>> unread = new ArrayList<>();
    /** The stamp as last handed out, shared by the events until a merchant event raises it. */
    private List<Long> current;

    /** @param ends the end offsets of every partition, index = partition */
    public AppendedAfterStamp(List<Long> ends) {
        this.ends = ends.stream().mapToLong(Long::longValue).toArray();
    }

    /** A stamp for a log of {@code partitions} empty partitions. */
    public static AppendedAfterStamp ofEmptyLog(int partitions) {
        return new AppendedAfterStamp(java.util.Collections.nCopies(partitions, 0L));
    }

    /**
     * A stamp at the end offsets of {@code topic} now (high watermarks), read with a short-lived consumer
     * of {@code bootstrapServers}: for a tool or test about to write the log around ingest.
     */
    public static AppendedAfterStamp atEnds(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "ledger-appended-after-stamp");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<Long> byPartition = new ArrayList<>(java.util.Collections.nCopies(partitions.size(), 0L));
            ends.forEach((tp, end) -> byPartition.set(tp.partition(), end));
            return new AppendedAfterStamp(byPartition);
        }
    }

    /** A merchant event was sent: later stamps must lie past it. */
    public void merchantEventSent(Future<RecordMetadata> send) {
        unread.add(send);
    }

    /**
     * Appends {@code event} to {@code topic} as ingest would: stamped when the cross-key rule needs it,
     * keyed by its aggregate, timestamped with its occurredAt; a merchant event raises the stamps after it.
     */
    public Future<RecordMetadata> append(Producer<String, EventEnvelope> producer, String topic, EventEnvelope event) {
        EventEnvelope stamped = LogPosition.needsAppendedAfter(event)
                ? EventEnvelope.newBuilder(event)
                        .setAppendedAfter(next(producer))
                        .build()
                : event;
        AggregateKey key = AggregateKey.of(stamped);
        Future<RecordMetadata> sent = producer.send(
                new ProducerRecord<>(topic, null, stamped.getOccurredAt().toEpochMilli(), key.value(), stamped));
        if (key.type() == AggregateType.MERCHANT) {
            merchantEventSent(sent);
        }
        return sent;
    }

    /**
     * The stamp for the next event: flushes {@code producer} when merchant events were sent since the
     * last stamp and raises it past their offsets.
     *
     * @throws IllegalStateException when a merchant event was not appended (the caller's batch fails)
     */
    public List<Long> next(Producer<?, ?> producer) {
        if (!unread.isEmpty()) {
            producer.flush();
            for (Future<RecordMetadata> send : unread) {
                RecordMetadata metadata = acknowledged(send);
                if (metadata.partition() < ends.length) {
                    ends[metadata.partition()] = Math.max(ends[metadata.partition()], metadata.offset() + 1);
                }
            }
            unread.clear();
            current = null;
        }
        if (current == null) {
            current = Arrays.stream(ends).boxed().toList();
        }
        return current;
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> send) {
        try {
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a merchant event was acknowledged", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a merchant event was not appended: " + e.getCause(), e.getCause());
        }
    }
}
