package org.kleline.ledger.cli.node;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.read.HistoryRetention;

/**
 * Where one projector node runs and what it announces: the ledger topics' partitions and
 * replication, its state directory, the host and port other nodes reach its query API on
 * ({@code application.server}), and the settlement time zone (the projector and the query API
 * must agree on it, or business dates would differ between the rows and their readers), and how far
 * back balances as of a past instant are kept.
 */
public record NodeSettings(
        int partitions,
        short replication,
        Path stateDir,
        HostInfo self,
        ZoneId settlementZone,
        HistoryRetention historyRetention) {

    /** A node that keeps the whole history. */
    public NodeSettings(int partitions, short replication, Path stateDir, HostInfo self, ZoneId settlementZone) {
        this(partitions, replication, stateDir, self, settlementZone, HistoryRetention.FOREVER);
    }

    public NodeSettings {
        if (partitions < 1 || partitions > LogPosition.PARTITIONS_MAX) {
            throw new IllegalArgumentException(
                    "--partitions must be 1.." + LogPosition.PARTITIONS_MAX + ", got " + partitions);
        }
        if (replication < 1) {
            throw new IllegalArgumentException("--replication must be >= 1, got " + replication);
        }
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(settlementZone, "settlementZone");
        Objects.requireNonNull(historyRetention, "historyRetention");
    }

    /**
     * The projector's properties: the client settings (every Streams client gets them, security
     * included), then this node's own keys over them.
     */
    public Properties projectorProperties(Map<String, String> clientSettings) {
        Properties p = new Properties();
        p.putAll(clientSettings);
        p.put(ProjectorSettings.PARTITIONS, Integer.toString(partitions));
        p.put(ProjectorSettings.REPLICATION, Short.toString(replication));
        p.put(ProjectorSettings.SETTLEMENT_ZONE, settlementZone.getId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        if (!historyRetention.forever()) {
            p.put(HistoryRetention.CONFIG, Long.toString(historyRetention.kept().toMillis()));
        }
        return p;
    }
}
