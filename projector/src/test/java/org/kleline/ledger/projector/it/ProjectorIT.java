package org.kleline.ledger.projector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.errors.DeadLetterHandler;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.topology.RandomLedgerLog;
import org.kleline.ledger.projector.topology.TestEvents;

/**
 * The projector on an embedded broker with exactly-once: topics, cross-partition merchant
 * look-ups decided as a replay of the log in order decides them, poison records. The tests share
 * one broker and one event log, so they run in order.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectorIT {

    static BrokerFixture broker;
    static final List<EventEnvelope> LOG = new ArrayList<>();

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startBroker(EmbeddedLedgerInfrastructure infra) {
        broker = new BrokerFixture(infra);
    }

    /** A merchant on partition q behind a backlog there, and a micropayment on another partition right after it. */
    static List<EventEnvelope> crossPartitionRace(long t0) {
        String merchant = keyOnPartition("merchant:", "race-m", 0).substring("merchant:".length());
        String wallet = keyOnPartition("wallet:", "race-w", 1).substring("wallet:".length());
        List<EventEnvelope> events = new ArrayList<>();
        long t = t0;
        events.add(TestEvents.openWallet("race-open", wallet, "EUR", 15_000, t += 1_000));
        events.add(TestEvents.topUp("race-top", wallet, 5_000, t += 1_000));
        String backlogWallet = keyOnPartition("wallet:", "backlog", 0).substring("wallet:".length());
        events.add(TestEvents.openWallet("backlog-open", backlogWallet, "EUR", 15_000, t += 1_000));
        for (int i = 0; i < 2_000; i++) {
            events.add(TestEvents.redeem("backlog-" + i, backlogWallet, 1, t += 1));
        }
        events.add(TestEvents.onboard("race-on", merchant, "EUR", null, TestEvents.PLAN, t += 1_000));
        events.add(TestEvents.micro("race-pay", wallet, merchant, 1_000, t += 1));
        return events;
    }

    static String keyOnPartition(String prefix, String base, int partition) {
        for (int i = 0; ; i++) {
            String key = prefix + base + i;
            if (BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), BrokerFixture.PARTITIONS)
                    == partition) {
                return key;
            }
        }
    }

    @Test
    @Order(1)
    void everyOutcomeIsTheOneAReplayOfTheLogInOrderGivesWhateverThePartition() throws Exception {
        LOG.addAll(RandomLedgerLog.generate(77L, 3_000, 10, 50));
        LOG.addAll(crossPartitionRace(LOG.get(LOG.size() - 1).getOccurredAt().toEpochMilli()));
        broker.append(LOG);
        try (Projector projector = new Projector(broker.projectorProps("projector-it", stateDir.resolve("a")))) {
            projector.start();
            List<ConsumerRecord<String, EventOutcome>> outcomes = broker.readAll(
                    ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), LOG.size());
            assertThat(outcomes).hasSize(LOG.size());

            LedgerReplay replay = new LedgerReplay(BusinessCalendar.defaultCalendar());
            Map<String, EventOutcome> expected = new HashMap<>();
            for (EventEnvelope e : LOG) {
                expected.putIfAbsent(
                        e.getEventId(), org.kleline.ledger.model.decision.EventOutcomes.of(replay.apply(e)));
            }
            Map<String, EventOutcome> first = new HashMap<>();
            outcomes.forEach(r -> first.putIfAbsent(r.key(), r.value()));
            assertThat(first).isEqualTo(expected);
            assertThat(first.get("race-pay").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(projector.metrics().merchantWaitTimeouts()).isZero();
        }
    }

    @Test
    @Order(2)
    void topicsAreCreatedWithTheirRetentionAndSettlementsCompacted() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.infra.bootstrapServers()))) {
            var names = List.of(ProjectorTopics.EVENTS, ProjectorTopics.JOURNAL, ProjectorTopics.SETTLEMENTS);
            var described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.get(ProjectorTopics.EVENTS).partitions()).hasSize(BrokerFixture.PARTITIONS);
            Collection<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, ProjectorTopics.EVENTS))
                            .get("retention.ms")
                            .value())
                    .isEqualTo("-1");
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, ProjectorTopics.JOURNAL))
                            .get("retention.ms")
                            .value())
                    .isEqualTo("-1");
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, ProjectorTopics.SETTLEMENTS))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
    }

    @Test
    @Order(3)
    void aProjectorConfiguredForAnotherPartitionCountRefusesToStart() {
        Properties props = broker.projectorProps("projector-it-other", stateDir.resolve("b"));
        props.put(ProjectorSettings.PARTITIONS, "6");
        try (Projector projector = new Projector(props)) {
            assertThatThrownBy(projector::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ledger.events exists with 3 partitions but ledger.topics.partitions is 6");
        }
    }

    @Test
    @Order(3)
    void aProjectorRefusesStateBuiltByTheTopologyThatPartitionedBalancesByAccount() throws Exception {
        String app = "projector-it-former";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.infra.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(app + "-postings-repartition", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (Projector projector = new Projector(broker.projectorProps(app, stateDir.resolve("former")))) {
            assertThatThrownBy(projector::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic " + app + "-postings-repartition exists")
                    .hasMessageContaining("reset the application");
        }
    }

    @Test
    @Order(4)
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsOriginAndProcessingGoesOn() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        broker.appendRaw("wallet:poison".getBytes(StandardCharsets.UTF_8), garbage);
        long t = LOG.get(LOG.size() - 1).getOccurredAt().toEpochMilli();
        EventEnvelope after = TestEvents.openWallet("after-poison", "after-poison", "EUR", 15_000, t + 1_000);
        broker.append(List.of(after));
        try (Projector projector = new Projector(broker.projectorProps("projector-it", stateDir.resolve("a")))) {
            projector.start();
            List<ConsumerRecord<byte[], byte[]>> dead = broker.readRaw(ProjectorTopics.EVENTS_DLQ, 1);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(header(dead.get(0), DeadLetterHandler.HEADER_SOURCE_TOPIC))
                    .isEqualTo(ProjectorTopics.EVENTS);
            assertThat(header(dead.get(0), DeadLetterHandler.HEADER_SOURCE_PARTITION))
                    .matches("[0-2]");
            assertThat(header(dead.get(0), DeadLetterHandler.HEADER_SOURCE_OFFSET))
                    .matches("\\d+");
            assertThat(header(dead.get(0), DeadLetterHandler.HEADER_ERROR)).contains("SerializationException");

            List<ConsumerRecord<String, EventOutcome>> outcomes = broker.readAll(
                    ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), LOG.size() + 1);
            assertThat(outcomes).hasSize(LOG.size() + 1);
            assertThat(outcomes)
                    .filteredOn(r -> r.key().equals("after-poison"))
                    .extracting(r -> r.value().getOutcome())
                    .containsExactly(Outcome.ACCEPTED);
            assertThat(projector.metrics().poisonRecords()).isEqualTo(1);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
