package org.kleline.ledger.projector.config;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.projector.errors.DeadLetterHandler;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.memory.BoundedMemoryRocksDbConfig;

/**
 * The one place where the projector's Streams config is built. Every safety setting is written
 * out even where it is Kafka's default, and with {@code putIfAbsent}: whatever the caller's
 * properties say wins.
 */
public final class StreamsConfigFactory {

    /** Streams' producer default is 10 s; the merchant wait (at most 20 s) must fit well inside. */
    static final int TRANSACTION_TIMEOUT_MS = 60_000;

    static final long COMMIT_INTERVAL_MS = 100;
    /**
     * The record cache's bound counts keys and values only; each entry's own objects take about 200 bytes
     * more on the heap, so this bound costs about three times itself. 16 MiB rather than 32: the default
     * year's peak RSS fell by ~150 MB for no CPU lost (BENCHMARKS.md, sixth round).
     */
    static final long RECORD_CACHE_BYTES = 16L * 1024 * 1024;
    /**
     * Under exactly-once nothing produced is readable before the transaction commits, and a commit
     * flushes the producer: lingering up to a commit interval delays nothing a reader can see, and
     * sends a few large batches instead of many small ones (about 30 records per batch on
     * ledger.outcomes and ledger.journal at 5 ms), which costs the producer's I/O thread and the
     * broker per request.
     */
    static final int PRODUCER_LINGER_MS = 100;

    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsConfigFactory() {}

    /**
     * @param settings the projector's settings (also read from {@code overrides})
     * @param overrides the caller's properties: any key here replaces the default
     * @param metrics handed to the dead-letter handler through the config
     */
    public static Properties build(ProjectorSettings settings, Properties overrides, ProjectorMetrics metrics) {
        Properties p = new Properties();
        p.putAll(overrides);
        p.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());

        // Exactly once: state, outputs and input offsets commit in one transaction.
        p.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(COMMIT_INTERVAL_MS));
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(settings.replication()));
        p.putIfAbsent(
                StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                Integer.toString(minInSyncReplicas(settings.replication())));
        // The internal topics (changelogs, repartition) never elect an out-of-sync leader, whatever the broker's
        // default.
        p.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG), "false");
        // Kafka Streams 4.4's transactional state stores (KIP-892): writes reach a store only once its changelog
        // transaction commits, so a crash (kill -9) no longer wipes the local state under exactly-once. Measured
        // on 400,500 events after kill -9: every store queryable in 17.9 s instead of 51.6 s, restoring 1.1 M
        // records instead of 2.3 M, at the same CPU per event (BENCHMARKS.md).
        p.putIfAbsent(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "true");
        p.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
        p.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        p.putIfAbsent(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        p.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(RECORD_CACHE_BYTES));
        p.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");

        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), "true");
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "5");
        p.putIfAbsent(
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                Integer.toString(TRANSACTION_TIMEOUT_MS));
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), "120000");
        p.putIfAbsent(
                StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), Integer.toString(PRODUCER_LINGER_MS));
        p.putIfAbsent(
                StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(PRODUCER_BATCH_BYTES));
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");

        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG), "false");
        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), "300000");

        // Poison records go to the dead-letter topic and processing goes on; anything else fails loudly.
        p.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.EVENTS_DLQ);
        p.putIfAbsent(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                "org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler");
        p.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        p.putIfAbsent(
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                "org.apache.kafka.streams.errors.DefaultProductionExceptionHandler");
        p.put(DeadLetterHandler.METRICS_CONFIG, metrics);

        p.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class.getName());
        p.putIfAbsent(ProjectorSettings.ROCKSDB_MEMORY_BYTES, Long.toString(settings.rocksDbMemoryBytes()));
        return p;
    }

    static int minInSyncReplicas(short replication) {
        return replication >= 3 ? 2 : 1;
    }
}
