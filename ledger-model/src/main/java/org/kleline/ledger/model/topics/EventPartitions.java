package org.kleline.ledger.model.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of {@code ledger.events} holds a key: Kafka's default partitioner for a keyed
 * record (murmur2 of the key's UTF-8 bytes, made positive, modulo the partition count), the one
 * every producer of the log uses. The cross-key rule needs it to find a merchant's partition.
 */
public final class EventPartitions {

    private EventPartitions() {}

    /** The partition of {@code key} (e.g. {@code merchant:m-7}) among {@code partitions}. */
    public static int partitionOf(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
    }
}
