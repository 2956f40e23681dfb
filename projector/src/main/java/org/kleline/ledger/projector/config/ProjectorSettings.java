package org.kleline.ledger.projector.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Properties;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.projector.memory.BoundedMemoryRocksDbConfig;
import org.kleline.ledger.projector.read.HistoryRetention;

/**
 * The projector's own settings, read from the same properties as the Streams config. Every key
 * has a default except the two addresses; a bad value fails with the key and the value named.
 */
public record ProjectorSettings(
        String bootstrapServers,
        String schemaRegistryUrl,
        String applicationId,
        int partitions,
        short replication,
        ZoneId settlementZone,
        long rocksDbMemoryBytes,
        Duration merchantWaitTimeout,
        HistoryRetention historyRetention) {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "application.id";
    public static final String PARTITIONS = "ledger.topics.partitions";
    public static final String REPLICATION = "ledger.topics.replication";
    public static final String SETTLEMENT_ZONE = "ledger.settlement.zone";
    public static final String ROCKSDB_MEMORY_BYTES = BoundedMemoryRocksDbConfig.MEMORY_BYTES_CONFIG;
    public static final String MERCHANT_WAIT_TIMEOUT_MS = "ledger.merchants.wait.timeout.ms";
    /** Read again by the balance stage from the Streams config; checked here so that a bad value stops the start. */
    public static final String HISTORY_RETENTION_MS = HistoryRetention.CONFIG;

    public static final String DEFAULT_APPLICATION_ID = "kleline-ledger-projector";
    public static final int DEFAULT_PARTITIONS = 6;
    public static final short DEFAULT_REPLICATION = 3;
    public static final String DEFAULT_SETTLEMENT_ZONE = "Europe/Paris";
    public static final long DEFAULT_ROCKSDB_MEMORY_BYTES = BoundedMemoryRocksDbConfig.DEFAULT_MEMORY_BYTES;
    public static final long DEFAULT_MERCHANT_WAIT_TIMEOUT_MS = 10_000;
    /** Kept below the producer's transaction timeout so a wait never aborts the transaction. */
    public static final long MERCHANT_WAIT_TIMEOUT_MS_MAX = 20_000;

    public static final long ROCKSDB_MEMORY_BYTES_MIN = BoundedMemoryRocksDbConfig.MEMORY_BYTES_MIN;

    public ProjectorSettings {
        requireText(BOOTSTRAP_SERVERS, bootstrapServers);
        requireText(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        requireText(APPLICATION_ID, applicationId);
        if (partitions < 1 || partitions > LogPosition.PARTITIONS_MAX) {
            throw new IllegalArgumentException(
                    PARTITIONS + " must be 1.." + LogPosition.PARTITIONS_MAX + ", got " + partitions);
        }
        if (replication < 1) {
            throw new IllegalArgumentException(REPLICATION + " must be >= 1, got " + replication);
        }
        Objects.requireNonNull(settlementZone, SETTLEMENT_ZONE);
        if (rocksDbMemoryBytes < ROCKSDB_MEMORY_BYTES_MIN) {
            throw new IllegalArgumentException(
                    ROCKSDB_MEMORY_BYTES + " must be >= " + ROCKSDB_MEMORY_BYTES_MIN + ", got " + rocksDbMemoryBytes);
        }
        Objects.requireNonNull(merchantWaitTimeout, MERCHANT_WAIT_TIMEOUT_MS);
        if (merchantWaitTimeout.isNegative() || merchantWaitTimeout.toMillis() > MERCHANT_WAIT_TIMEOUT_MS_MAX) {
            throw new IllegalArgumentException(MERCHANT_WAIT_TIMEOUT_MS + " must be 0.." + MERCHANT_WAIT_TIMEOUT_MS_MAX
                    + ", got " + merchantWaitTimeout.toMillis());
        }
        Objects.requireNonNull(historyRetention, HISTORY_RETENTION_MS);
    }

    /** Reads the settings from properties; absent keys take their defaults. */
    public static ProjectorSettings from(Properties props) {
        return new ProjectorSettings(
                props.getProperty(BOOTSTRAP_SERVERS),
                props.getProperty(SCHEMA_REGISTRY_URL),
                props.getProperty(APPLICATION_ID, DEFAULT_APPLICATION_ID),
                intValue(props, PARTITIONS, DEFAULT_PARTITIONS),
                (short) intValue(props, REPLICATION, DEFAULT_REPLICATION),
                zone(props.getProperty(SETTLEMENT_ZONE, DEFAULT_SETTLEMENT_ZONE)),
                longValue(props, ROCKSDB_MEMORY_BYTES, DEFAULT_ROCKSDB_MEMORY_BYTES),
                Duration.ofMillis(longValue(props, MERCHANT_WAIT_TIMEOUT_MS, DEFAULT_MERCHANT_WAIT_TIMEOUT_MS)),
                HistoryRetention.from(props));
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(SETTLEMENT_ZONE + " is not a time zone: '" + value + "'", e);
        }
    }

    private static int intValue(Properties props, String key, int fallback) {
        long value = longValue(props, key, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is out of range: " + value);
        }
        return (int) value;
    }

    private static long longValue(Properties props, String key, long fallback) {
        String raw = props.getProperty(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + raw + "'", e);
        }
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required, got '" + value + "'");
        }
    }
}
