package org.kleline.ledger.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.run.IngestInstance;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.model.topics.Topics;

/**
 * An ingest that crashed in the middle of a bulk append left its transaction open on {@code ledger.events}:
 * {@code read_committed} readers (the projector) cannot read past its first record until the broker times it
 * out. Restarted with the same instance id, the ingest fences it at start (the same {@code transactional.id}),
 * and the log is readable again at once; another id leaves it open.
 */
class InstanceRestartIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    /** Long enough that only a fence, not the broker's timeout, can close the transaction during the test. */
    private static final int CRASHED_TRANSACTION_TIMEOUT_MS = 120_000;

    private static Map<String, Object> clients;
    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    @BeforeAll
    static void topics() throws Exception {
        clients = IngestTopics.clients(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl());
        IngestTopics.create(KAFKA.bootstrapServers(), 1);
    }

    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable open : OPEN) {
            open.close();
        }
    }

    @Test
    void aRestartWithTheSameInstanceIdFencesTheTransactionACrashLeftOpen() throws Exception {
        IngestInstance crashed = new IngestInstance("ingest-a", new SimpleMeterRegistry());
        crashedInTheMiddleOfABulkAppend(crashed.transactionalIdPrefix() + "-0");
        TopicPartition events = new TopicPartition(Topics.EVENTS, 0);
        try (KafkaConsumer<byte[], byte[]> committed = readCommitted()) {
            long stuckAt = committedEnd(committed, events);
            assertThat(logEnd(events)).isGreaterThan(stuckAt);

            // Another instance id does not touch it: the log stays unreadable past the open transaction.
            try (IngestRuntime other = start(new IngestInstance("ingest-b", new SimpleMeterRegistry()))) {
                assertThat(other.readiness()).isEqualTo("UP");
                assertThat(committedEnd(committed, events)).isEqualTo(stuckAt);
            }

            // The same id, restarted: fenced at start, the broker aborts it and the log reads to its end.
            try (IngestRuntime restarted = start(crashed)) {
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> committedEnd(committed, events) == logEnd(events));
                assertThat(restarted.readiness()).isEqualTo("UP");
            }
        }
    }

    /** A producer of {@code transactionalId} that began a transaction, sent into it, and was never heard of again. */
    private static void crashedInTheMiddleOfABulkAppend(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, CRASHED_TRANSACTION_TIMEOUT_MS);
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.EVENTS, "wallet:w-1".getBytes(), new byte[] {0}));
        producer.flush();
        // Left open, as a crash leaves it; closed only when the test is over.
        OPEN.add(() -> producer.close(Duration.ZERO));
    }

    private static IngestRuntime start(IngestInstance instance) {
        return IngestRuntime.start(
                clients,
                Topics.create(clients),
                IngestConfig.defaults(),
                OutcomeLookup.none(),
                Optional.empty(),
                Clock.systemUTC(),
                instance);
    }

    private static KafkaConsumer<byte[], byte[]> readCommitted() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The last stable offset: how far a read_committed reader can read. */
    private static long committedEnd(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition) {
        return consumer.endOffsets(List.of(partition)).get(partition);
    }

    /** The log's end, the open transaction's records and markers included. */
    private static long logEnd(TopicPartition partition) {
        try (KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_uncommitted"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return uncommitted.endOffsets(List.of(partition)).get(partition);
        }
    }
}
