package org.kleline.ledger.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private static final Path LOG_DIRECTORY = Path.of("/data/kafka");

    @Test
    void everyReplicationFactorAndTheTransactionLogMinIsrAreOne() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIRECTORY, 9092, 9093, 60_000, Map.of());

        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void theNodeIsACombinedBrokerAndControllerOnLoopback() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIRECTORY, 9092, 9093, 60_000, Map.of());

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", LOG_DIRECTORY.toAbsolutePath().toString())
                .containsEntry("server.max.startup.time.ms", "60000");
    }

    @Test
    void aQuorumSeatReplicatesOnThreeNodesWithTwoInSyncAndNoUncleanElection() {
        String voters = "1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103";
        QuorumSeat seat = new QuorumSeat(2, 9202, 9102, voters, "q1cGQ0dBRUy6yAHJKqbv7w");
        Map<String, String> properties = BrokerProperties.of(LOG_DIRECTORY, seat, 60_000, Map.of());

        assertThat(properties)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", voters)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9202,CONTROLLER://127.0.0.1:9102")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9202")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false");
    }

    @Test
    void aSeatMustBeAVoterAtItsOwnControllerPort() {
        String voters = "1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103";
        assertThatThrownBy(() -> new QuorumSeat(4, 9204, 9104, voters, "q1cGQ0dBRUy6yAHJKqbv7w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name node 4 at 127.0.0.1:9104");
        assertThatThrownBy(() -> new QuorumSeat(1, 9102, 9101, voters, "q1cGQ0dBRUy6yAHJKqbv7w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker port 9102");
        assertThatThrownBy(() -> new QuorumSeat(1, 9201, 9101, "1@0.0.0.0:9101", "q1cGQ0dBRUy6yAHJKqbv7w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ID@127.0.0.1:PORT");
        assertThat(new QuorumSeat(1, 9201, 9101, "1@127.0.0.1:9101", "q1cGQ0dBRUy6yAHJKqbv7w").replication())
                .isEqualTo(1);
    }

    @Test
    void sessionTimeoutsAreShortForAQuickRestartAfterACrash() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIRECTORY, 9092, 9093, 60_000, Map.of());

        assertThat(Integer.parseInt(properties.get("broker.session.timeout.ms")))
                .isLessThanOrEqualTo(3000);
        assertThat(Integer.parseInt(properties.get("broker.heartbeat.interval.ms")))
                .isLessThanOrEqualTo(Integer.parseInt(properties.get("broker.session.timeout.ms")) / 5);
    }

    @Test
    void callerPropertiesOverrideTheDefaults() {
        Map<String, String> properties = BrokerProperties.of(
                LOG_DIRECTORY, 9092, 9093, 60_000, Map.of("num.partitions", "6", "auto.create.topics.enable", "false"));

        assertThat(properties).containsEntry("num.partitions", "6").containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void identityAndListenerPropertiesCannotBeOverridden() {
        assertThatThrownBy(() -> BrokerProperties.of(
                        LOG_DIRECTORY, 9092, 9093, 60_000, Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'listeners'");
    }
}
