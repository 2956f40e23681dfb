package org.kleline.ledger.projector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.projector.progress.KafkaProjectorProgress;
import org.kleline.ledger.projector.read.CatchUpBarrier;

/**
 * The catch-up barrier's view of the cluster on a real broker, on a partition laid out by hand:
 * offset 0 a committed record, 1 its commit marker, 2 an aborted record, 3 its abort marker; and a
 * transaction left open on another topic.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class KafkaProjectorProgressIT {

    private static final String TOPIC = "progress-it";
    private static final String EFFECTS = "progress-it-effects";
    private static final String OPEN = "progress-it-open";
    private static final String GROUP = "progress-it-app";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static EmbeddedLedgerInfrastructure infra;
    static Admin admin;
    static KafkaProjectorProgress progress;

    @BeforeAll
    static void layOutThePartition(EmbeddedLedgerInfrastructure infrastructure) throws Exception {
        infra = infrastructure;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()));
        admin.createTopics(List.of(
                        new NewTopic(TOPIC, 1, (short) 1),
                        new NewTopic(EFFECTS, 1, (short) 1),
                        new NewTopic(OPEN, 1, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = transactional("progress-it-layout")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, 0, "k", "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, 0, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }
        progress = new KafkaProjectorProgress(
                admin,
                GROUP,
                false,
                () -> new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()));
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
    }

    private static KafkaProducer<String, String> transactional(String transactionalId) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        transactionalId,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    @Test
    void theEndOffsetCountsTheMarkersAndAGroupThatNeverCommittedHasNoOffset() {
        assertThat(progress.endOffsets(TOPIC, TIMEOUT)).isEqualTo(Map.of(P0, 4L));
        assertThat(progress.committedOffsets(Set.of(P0), TIMEOUT)).isEmpty();
    }

    @Test
    void aRangeOfMarkersAndAbortedRecordsHoldsNoRecordButOneWithTheCommittedRecordDoes() {
        assertThat(progress.holdsRecords(P0, 1, 4, TIMEOUT)).isFalse();
        assertThat(progress.holdsRecords(P0, 0, 4, TIMEOUT)).isTrue();
    }

    @Test
    void aCommittedOffsetRestingOnACommitMarkerIsCaughtUpOnceProbed() throws Exception {
        admin.alterConsumerGroupOffsets(GROUP, Map.of(P0, new OffsetAndMetadata(1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        assertThat(progress.committedOffsets(Set.of(P0), TIMEOUT)).isEqualTo(Map.of(P0, 1L));

        try (CatchUpBarrier barrier =
                new CatchUpBarrier(progress, TOPIC, EFFECTS, Duration.ofSeconds(20), Duration.ofMillis(100))) {
            CatchUpBarrier.CaughtUp reached = barrier.whenCaughtUp().get(30, TimeUnit.SECONDS);
            assertThat(reached.eventsEnd()).isEqualTo(Map.of(P0, 4L));
            assertThat(reached.effectsEnd()).isEqualTo(Map.of(new TopicPartition(EFFECTS, 0), 0L));
        }
    }

    @Test
    void aRecordOfATransactionStillOpenIsCountedInTheEndAndCannotBeProbedPast() {
        try (KafkaProducer<String, String> producer = transactional("progress-it-open")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(OPEN, 0, "k", "open"));
            producer.flush();
            // The high watermark, not the last stable offset: a barrier waits for this transaction to end.
            assertThat(progress.endOffsets(OPEN, TIMEOUT)).isEqualTo(Map.of(new TopicPartition(OPEN, 0), 1L));
            assertThat(progress.holdsRecords(new TopicPartition(OPEN, 0), 0, 1, Duration.ofSeconds(1)))
                    .isTrue();
            producer.abortTransaction();
        }
    }
}
