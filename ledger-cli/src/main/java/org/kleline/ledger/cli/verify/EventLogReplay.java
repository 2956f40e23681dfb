package org.kleline.ledger.cli.verify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.events.EventEnvelope;

/**
 * Reads {@code ledger.events} up to the given end offsets and feeds every record to a
 * {@link Recomputation} in replay order ({@link LoggedEvent#REPLAY_ORDER} across partitions, log
 * order within one), so that a payment sees its merchant as the projector's time-based rules do,
 * however the partitions were read. At most {@value #BUFFERED_MAX} records wait per partition.
 */
final class EventLogReplay {

    static final int BUFFERED_MAX = 20_000;
    static final int PROGRESS_EVERY = 10_000;

    private EventLogReplay() {
    }

    /** @param progress told the number of records replayed, every few thousand and at the end */
    static void replay(LogReader reader, Map<TopicPartition, Long> ends, Deserializer<EventEnvelope> deserializer,
                       Recomputation into, LongConsumer progress) {
        PartitionMerge<LoggedEvent> merge = new PartitionMerge<>(reader.partitionCount(), LoggedEvent.REPLAY_ORDER);
        long[] replayed = {0};
        reader.readTo(ends,
                record -> merge.add(record.partition(), logged(record, deserializer)),
                partition -> merge.buffered(partition) >= BUFFERED_MAX,
                merge::finish,
                () -> {
                    for (LoggedEvent event = merge.poll(); event != null; event = merge.poll()) {
                        into.apply(event);
                        if (++replayed[0] % PROGRESS_EVERY == 0) {
                            progress.accept(replayed[0]);
                        }
                    }
                });
        if (!merge.isDone()) {
            throw new IllegalStateException("records of ledger.events left unreplayed after reading to " + ends);
        }
        progress.accept(replayed[0]);
    }

    private static LoggedEvent logged(ConsumerRecord<byte[], byte[]> record, Deserializer<EventEnvelope> deserializer) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            EventEnvelope event = deserializer.deserialize(record.topic(), record.value());
            if (event == null) {
                return LoggedEvent.unreadable(record.partition(), record.offset(), key, "a record without a value");
            }
            return LoggedEvent.read(record.partition(), record.offset(), key, event);
        } catch (RuntimeException e) {
            SchemaRegistryCheck.rethrowIfRegistryFailed(e, record.topic() + " partition " + record.partition()
                    + " offset " + record.offset());
            return LoggedEvent.unreadable(record.partition(), record.offset(), key,
                    "cannot be deserialized: " + e.getMessage());
        }
    }
}
