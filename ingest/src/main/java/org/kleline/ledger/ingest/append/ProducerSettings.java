package org.kleline.ledger.ingest.append;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place where ingest's producer settings are written out. Safety settings are forced; the
 * timeouts and batching are defaults that a caller's properties override ({@code putIfAbsent}).
 * The timeouts bound how long a write can hang when the broker is gone: {@code max.block.ms} for
 * metadata and buffer space, {@code delivery.timeout.ms} for the acknowledgement.
 */
public final class ProducerSettings {

    public static final int MAX_BLOCK_MS = 5_000;
    public static final int REQUEST_TIMEOUT_MS = 4_000;
    public static final int DELIVERY_TIMEOUT_MS = 10_000;
    public static final int TRANSACTION_TIMEOUT_MS = 30_000;

    private ProducerSettings() {}

    /** An idempotent producer: exactly one copy per send in the partition, in order, acknowledged by all replicas. */
    public static Map<String, Object> idempotent(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        // Forced: a ledger never trades durability or ordering for speed.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ledger-ingest");
        return config;
    }

    /** A transactional producer for bulk appends; {@code transactionalId} must be unique among live producers. */
    public static Map<String, Object> transactional(Map<String, Object> base, String transactionalId) {
        Map<String, Object> config = idempotent(base);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        return config;
    }

    /** The longest a single append can take before the producer itself gives up, read from the settings. */
    public static long deliveryTimeoutMs(Map<String, Object> config) {
        return Long.parseLong(String.valueOf(
                        config.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS)))
                + Long.parseLong(String.valueOf(config.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS)));
    }
}
