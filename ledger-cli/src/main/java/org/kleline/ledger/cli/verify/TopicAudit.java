package org.kleline.ledger.cli.verify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A topic the projector writes, read whole against the log's recomputation: every record is read to the end
 * offsets, an unreadable or empty one is a difference, the others are judged by {@link #check}; then
 * {@link #checkNoneMissing()} names what the log decides but the topic lacks.
 *
 * @param <V> the records' values
 */
abstract class TopicAudit<V> {

    static final int PROGRESS_EVERY = 10_000;

    private final String check;
    final Recomputation recomputed;
    /** EventIds appended after the log was read: what the topic holds of them is not judged. */
    final Set<String> appendedSince;

    private final Differences differences;
    private long records;

    TopicAudit(String check, Recomputation recomputed, Set<String> appendedSince, Differences differences) {
        this.check = check;
        this.recomputed = recomputed;
        this.appendedSince = appendedSince;
        this.differences = differences;
    }

    /** The check its differences are counted under. */
    final String check() {
        return check;
    }

    /** The differences found under {@link #check()} so far. */
    final long differences() {
        return differences.count(check);
    }

    /** Reads the topic to {@code ends}; returns how many records were read. */
    final long audit(
            LogReader reader, Map<TopicPartition, Long> ends, Deserializer<V> deserializer, LongConsumer progress) {
        reader.readTo(ends, record -> {
            read(record, deserializer);
            if (++records % PROGRESS_EVERY == 0) {
                progress.accept(records);
            }
        });
        checkNoneMissing();
        progress.accept(records);
        return records;
    }

    private void read(ConsumerRecord<byte[], byte[]> record, Deserializer<V> deserializer) {
        String where = record.topic() + " partition " + record.partition() + " offset " + record.offset();
        V value;
        try {
            value = deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            SchemaRegistryCheck.rethrowIfRegistryFailed(e, where);
            differ("unreadable record at " + where + ": " + e.getMessage());
            return;
        }
        if (value == null) {
            differ("a record without a value at " + where);
            return;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        check(value, key, where);
    }

    /** Judges one record's value, keyed {@code key} (null when it has none), found at {@code where}. */
    abstract void check(V value, String key, String where);

    /** After the whole topic is read: what the log decides that the topic did not hold. */
    abstract void checkNoneMissing();

    final void differ(String difference) {
        differences.add(check, difference);
    }
}
