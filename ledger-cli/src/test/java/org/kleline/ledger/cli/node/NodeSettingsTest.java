package org.kleline.ledger.cli.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.HistoryRetention;

class NodeSettingsTest {

    private static final NodeSettings NODE = new NodeSettings(
            12,
            (short) 3,
            Path.of("/var/ledger/state"),
            new HostInfo("node-2.example", 8080),
            ZoneId.of("Europe/Paris"));

    @Test
    void clientSettingsReachTheProjectorAndTheNodesOwnKeysWin() {
        Properties p = NODE.projectorProperties(Map.of(
                "bootstrap.servers",
                "k:9092",
                "schema.registry.url",
                "http://r:8081",
                "security.protocol",
                "SASL_SSL",
                "ledger.topics.partitions",
                "3"));

        assertThat(p)
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("schema.registry.url", "http://r:8081")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ledger.topics.partitions", "12")
                .containsEntry("ledger.topics.replication", "3")
                .containsEntry("ledger.settlement.zone", "Europe/Paris")
                .containsEntry("state.dir", "/var/ledger/state")
                .containsEntry("application.server", "node-2.example:8080");
    }

    @Test
    void aHistoryRetentionReachesTheProjectorInMillisecondsAndNoneMeansForEver() {
        NodeSettings keeping = new NodeSettings(
                12,
                (short) 3,
                Path.of("/s"),
                new HostInfo("h", 1),
                ZoneId.of("UTC"),
                new HistoryRetention(Duration.ofDays(400)));
        assertThat(keeping.projectorProperties(Map.of())).containsEntry(HistoryRetention.CONFIG, "34560000000");
        assertThat(NODE.projectorProperties(Map.of())).doesNotContainKey(HistoryRetention.CONFIG);
    }

    @Test
    void partitionsAndReplicationAreBounded() {
        assertThatThrownBy(() -> new NodeSettings(0, (short) 1, Path.of("s"), new HostInfo("h", 1), ZoneId.of("UTC")))
                .hasMessage("--partitions must be 1..10000, got 0");
        assertThatThrownBy(() -> new NodeSettings(1, (short) 0, Path.of("s"), new HostInfo("h", 1), ZoneId.of("UTC")))
                .hasMessage("--replication must be >= 1, got 0");
    }
}
