package org.kleline.ledger.cli.verify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateType;

/**
 * Reads {@code ledger.events} up to the given end offsets and feeds every record to a
 * {@link Recomputation} in an order the cross-key rule makes irrelevant: first every merchant event
 * (key {@code merchant:...}), each partition in offset order, so that every merchant's states are
 * known by offset; then every other record, each partition in offset order, each deciding against
 * its merchant below its own bound ({@link org.kleline.ledger.model.event.LogPosition#boundFor}). The
 * log is read twice; nothing is buffered.
 */
final class EventLogReplay {

    static final int PROGRESS_EVERY = 10_000;
    private static final byte[] MERCHANT_PREFIX =
            (AggregateType.MERCHANT.prefix() + ":").getBytes(StandardCharsets.UTF_8);

    private EventLogReplay() {}

    /** @param progress told the number of records replayed, every few thousand and at the end */
    static void replay(
            LogReader reader,
            Map<TopicPartition, Long> ends,
            Deserializer<EventEnvelope> deserializer,
            Recomputation into,
            LongConsumer progress) {
        long[] replayed = {0};
        for (boolean merchants : new boolean[] {true, false}) {
            reader.rewind();
            reader.readTo(ends, record -> {
                if (isMerchantRecord(record) == merchants) {
                    into.apply(logged(record, deserializer));
                    if (++replayed[0] % PROGRESS_EVERY == 0) {
                        progress.accept(replayed[0]);
                    }
                }
            });
        }
        progress.accept(replayed[0]);
    }

    static boolean isMerchantRecord(ConsumerRecord<byte[], byte[]> record) {
        byte[] key = record.key();
        if (key == null || key.length < MERCHANT_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < MERCHANT_PREFIX.length; i++) {
            if (key[i] != MERCHANT_PREFIX[i]) {
                return false;
            }
        }
        return true;
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
            SchemaRegistryCheck.rethrowIfRegistryFailed(
                    e, record.topic() + " partition " + record.partition() + " offset " + record.offset());
            return LoggedEvent.unreadable(
                    record.partition(), record.offset(), key, "cannot be deserialized: " + e.getMessage());
        }
    }
}
