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
