package org.kleline.ledger.cli.split;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.node.LedgerNode;
import org.kleline.ledger.cli.node.NodeSettings;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;

/** The split roles' common start on one embedded Kafka: the clients' settings and a {@code ledger node} of three partitions. */
final class SplitRoleStart {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private SplitRoleStart() {}

    /** The Kafka and schema registry clients' settings, as {@code ledger node} and {@code ledger ingest} layer them. */
    static ClientProperties clients(EmbeddedKafkaExtension kafka) {
        return ClientProperties.layered(
                null,
                List.of("client.dns.lookup=use_all_dns_ips"),
                kafka.bootstrapServers(),
                kafka.schemaRegistryUrl());
    }

    /** A node (projector and reads) of three partitions, settling in Europe/Paris, on a free port. */
    static LedgerNode node(ClientProperties clients, Path stateDir, ServerAccess access) {
        try (HttpPort nodePort = HttpPort.reserve(0)) {
            return LedgerNode.start(
                    clients,
                    new NodeSettings(3, (short) 1, stateDir, new HostInfo("localhost", nodePort.number()), PARIS),
                    nodePort,
                    new Properties(),
                    Duration.ofMinutes(2),
                    access);
        }
    }
}
