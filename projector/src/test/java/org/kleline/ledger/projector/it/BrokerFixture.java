package org.kleline.ledger.projector.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.topics.AppendedAfterStamp;
import org.kleline.ledger.projector.TopicBootstrap;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.topology.TopicSerdes;
import org.kleline.ledger.projector.views.TotalsParts;

/**
 * What the integration tests do on the embedded broker: projector properties, appending, reading back.
 * Public for {@link #append(EmbeddedLedgerInfrastructure, List)} and
 * {@link #projectorProps(EmbeddedLedgerInfrastructure, String, Path)}, which the tests of other modules
 * that run a projector share through the projector's test jar.
 */
public final class BrokerFixture {

    /** The partitions of the ledger's topics in the tests (the projector's {@code partitions}). */
    public static final int PARTITIONS = 3;

    static final Duration READ_TIMEOUT = Duration.ofSeconds(90);

    final EmbeddedLedgerInfrastructure infra;
    final TopicSerdes serdes;

    BrokerFixture(EmbeddedLedgerInfrastructure infra) {
        this.infra = infra;
        this.serdes = serdes(infra);
        // Before anything is appended: the broker would otherwise create ledger.events itself, with its defaults.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            TopicBootstrap.ensureTopics(admin, ProjectorSettings.from(projectorProps("bootstrap", Path.of("unused"))));
        }
    }

    Properties projectorProps(String applicationId, Path stateDir) {
        return projectorProps(infra, applicationId, stateDir);
    }

    /**
     * A projector's properties on the embedded broker and registry: {@link #PARTITIONS} partitions, one
     * replica, 64 MiB of RocksDB memory, state in {@code stateDir}, and a session short enough that a restarted
     * instance gets its tasks back within seconds. A test adds or overrides what its case needs.
     */
    public static Properties projectorProps(EmbeddedLedgerInfrastructure infra, String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(ProjectorSettings.BOOTSTRAP_SERVERS, infra.bootstrapServers());
        p.put(ProjectorSettings.SCHEMA_REGISTRY_URL, infra.schemaRegistryUrl());
        p.put(ProjectorSettings.APPLICATION_ID, applicationId);
        p.put(ProjectorSettings.PARTITIONS, Integer.toString(PARTITIONS));
        p.put(ProjectorSettings.REPLICATION, "1");
        p.put(ProjectorSettings.ROCKSDB_MEMORY_BYTES, Long.toString(64L * 1024 * 1024));
        p.put("state.dir", stateDir.toString());
        p.put("producer.transaction.timeout.ms", "20000");
        // Streams members do not leave the group on close: a restarted instance with a new process id
        // waits for the old member's session to expire before its tasks are assigned.
        p.put("consumer.session.timeout.ms", "10000");
        p.put("consumer.heartbeat.interval.ms", "2000");
        return p;
    }

    private static TopicSerdes serdes(EmbeddedLedgerInfrastructure infra) {
        return TopicSerdes.from(org.kleline.ledger.model.topics.Topics.create(
                Map.of(ProjectorSettings.SCHEMA_REGISTRY_URL, infra.schemaRegistryUrl())));
    }

    void append(List<EventEnvelope> events) {
        append(infra, events);
    }

    /**
     * Appends events to {@code ledger.events} as ingest does: keyed by aggregate, in the given order,
     * idempotently (acks=all), stamped as ingest stamps them.
     */
    public static void append(EmbeddedLedgerInfrastructure infra, List<EventEnvelope> events) {
        Map<String, Object> c = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                "true",
                ProducerConfig.LINGER_MS_CONFIG,
                "5");
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                c, new StringSerializer(), serdes(infra).events().serializer())) {
            // Stamped as ingest stamps (the cross-key rule): past every merchant event appended before.
            AppendedAfterStamp stamp = AppendedAfterStamp.atEnds(infra.bootstrapServers(), ProjectorTopics.EVENTS);
            for (EventEnvelope e : events) {
                stamp.append(producer, ProjectorTopics.EVENTS, e);
            }
            producer.flush();
        }
    }

    void appendRaw(byte[] key, byte[] value) {
        Map<String, Object> c = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                c,
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ProjectorTopics.EVENTS, key, value));
            producer.flush();
        }
    }

    /** Reads a topic from the start, read_committed, until {@code expected} records or the timeout. */
    <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values, int expected) {
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = fromStart(topic, new StringDeserializer(), values)) {
            pollUntil(consumer, out, expected);
            // Anything beyond what was expected (a doubled record) must show up too.
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    List<ConsumerRecord<byte[], byte[]>> readRaw(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                fromStart(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            pollUntil(consumer, out, expected);
        }
        return out;
    }

    /** The sum of a topic's last stable offsets: committed records plus transaction markers, cheap to ask. */
    long stableOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                fromStart(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.assignment()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** How many committed records a topic holds: the sum of its partitions' last stable offsets. */
    long countCommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                fromStart(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long count = 0;
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            Map<TopicPartition, Long> remaining = new java.util.HashMap<>(ends);
            remaining.entrySet().removeIf(e -> e.getValue() == 0);
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return count;
        }
    }

    /** A read_committed consumer of no group, assigned every partition of {@code topic} at its start. */
    private <K, V> KafkaConsumer<K, V> fromStart(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> c = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false");
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(c, keys, values);
        List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        return consumer;
    }

    /** Polls into {@code out} until it holds {@code expected} records or the read timeout passes. */
    private static <K, V> void pollUntil(KafkaConsumer<K, V> consumer, List<ConsumerRecord<K, V>> out, int expected) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (out.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
    }

    /** Every key and value of a store, over every local partition, in key order. */
    /**
     * Every key of {@code store} over every local partition. A key of the balance views held by
     * several partitions (the partitions whose events posted to it) is read as the sum of its parts.
     */
    static Map<String, Object> storeContents(KafkaStreams streams, String store) {
        ReadOnlyKeyValueStore<String, Object> kv = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Object>keyValueStore()));
        if (TOTALS_STORES.contains(store)) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<String, Object> sum = (Map) TotalsParts.sum((ReadOnlyKeyValueStore) kv);
            return sum;
        }
        Map<String, Object> content = new TreeMap<>();
        try (KeyValueIterator<String, Object> it = kv.all()) {
            it.forEachRemaining(e -> content.merge(
                    e.key,
                    e.value instanceof byte[] b ? java.util.Arrays.toString(b) : e.value,
                    BrokerFixture::sameLineInTwoPartitions));
        }
        return content;
    }

    private static final java.util.Set<String> TOTALS_STORES =
            java.util.Set.of(StoreNames.BALANCES, StoreNames.BALANCE_HOURS, StoreNames.TRIAL_BALANCE);

    /** A statement line of an event id reused under two keys on two partitions: one line, amounts added. */
    private static Object sameLineInTwoPartitions(Object a, Object b) {
        if (a instanceof AccountEntry x && b instanceof AccountEntry y) {
            return new AccountEntry(
                    x.getEventId(), x.getEventType(), x.getOccurredAt(), Math.addExact(x.getAmount(), y.getAmount()));
        }
        throw new IllegalStateException("one key in two partitions of a store that is not a balance view: " + a);
    }
}
