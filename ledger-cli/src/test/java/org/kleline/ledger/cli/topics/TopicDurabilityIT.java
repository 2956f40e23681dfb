package org.kleline.ledger.cli.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.ingest.IngestSettings;
import org.kleline.ledger.cli.ingest.LedgerIngest;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.cli.node.LedgerNode;
import org.kleline.ledger.cli.node.NodeSettings;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.auth.KafkaApiKeys;

/**
 * The topic checks against a real (embedded) broker whose ledger topics were made by hand with bad settings:
 * the facts are read as the broker has them, defaults included, and a node and an ingest refuse to start on
 * them with one line naming every fault.
 */
class TopicDurabilityIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final ClusterSecret SECRET = ClusterSecret.of("topic-durability-it-secret");

    @TempDir
    static Path stateDir;

    private static ClientProperties clients;

    @BeforeAll
    static void badTopics() throws Exception {
        clients = ClientProperties.layered(null, List.of(), KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.EVENTS, 3, (short) 1)
                                    .configs(Map.of(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "true")),
                            new NewTopic(Topics.OUTCOMES, 2, (short) 1),
                            new NewTopic(KafkaApiKeys.TOPIC, 2, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                            new NewTopic("check.strict", 1, (short) 1)
                                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")),
                            new NewTopic("check.plain", 4, (short) 1)))
                    .all()
                    .get();
        }
    }

    @Test
    void theFactsAreTheBrokersDefaultsIncluded() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            Map<String, TopicDurability.TopicFacts> facts = TopicDurability.describe(
                    admin, List.of(Topics.EVENTS, "check.strict", "check.plain", "check.absent"));
            assertThat(facts).containsOnlyKeys(Topics.EVENTS, "check.strict", "check.plain");
            assertThat(facts.get(Topics.EVENTS))
                    .isEqualTo(new TopicDurability.TopicFacts(Topics.EVENTS, 3, 1, 1, true));
            assertThat(facts.get("check.strict"))
                    .isEqualTo(new TopicDurability.TopicFacts("check.strict", 1, 1, 2, false));
            assertThat(facts.get("check.plain"))
                    .isEqualTo(new TopicDurability.TopicFacts("check.plain", 4, 1, 1, false));
        }
    }

    @Test
    void aNodeRefusesToStartNamingEveryFault() {
        try (HttpPort port = HttpPort.reserve(0)) {
            NodeSettings settings = new NodeSettings(
                    3, (short) 1, stateDir, new HostInfo("localhost", port.number()), ZoneId.of("Europe/Paris"));
            assertThatThrownBy(() -> LedgerNode.start(
                            clients,
                            settings,
                            port,
                            new Properties(),
                            Duration.ofMinutes(1),
                            new ServerAccess("127.0.0.1", SECRET, Optional.empty())))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageStartingWith("ledger node refuses to start on these topics: ")
                    .hasMessageContaining("ledger.events has unclean.leader.election.enable=true")
                    .hasMessageContaining("ledger.outcomes has 2 partitions, 3 expected")
                    .hasMessageContaining("ledger.api-keys has 2 partitions, 1 expected");
        }
    }

    @Test
    void anIngestRefusesToStartNamingEveryFault() {
        try (HttpPort port = HttpPort.reserve(0)) {
            assertThatThrownBy(() -> LedgerIngest.start(
                            clients,
                            port,
                            new IngestSettings(false, "durability-it", (short) 1),
                            IngestConfig.defaults(),
                            Optional.empty(),
                            new ServerAccess("127.0.0.1", SECRET, Optional.empty())))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageStartingWith("ledger ingest refuses to start on these topics: ")
                    .hasMessageContaining("ledger.events has unclean.leader.election.enable=true")
                    .hasMessageContaining("ledger.outcomes has 2 partitions, 3 as ledger.events has")
                    .hasMessageContaining("ledger.api-keys has 2 partitions, 1 expected");
        }
    }
}
