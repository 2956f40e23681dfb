package org.kleline.ledger.cli.node;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.kafka.ExternalKafkaOptions;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.keys.ServerAccessOptions;
import org.kleline.ledger.cli.lifecycle.HostName;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.ShutdownHook;
import org.kleline.ledger.projector.config.ProjectorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger node}: one projector node and the query API over its views, against an external Kafka. */
@Command(
        name = "node",
        sortOptions = false,
        description = {
            "Run one projector node and the query API (every GET, /health, /metrics) against an external "
                    + "Kafka and schema registry. Run several with the same topics: each owns some partitions, and a "
                    + "read reaching the wrong node is forwarded to the owner (--advertised-host:--advertised-port).",
            "The first node creates the ledger topics (--partitions, --replication); a node refuses to start "
                    + "when ledger.events exists with another partition count.",
            ""
        })
public final class NodeCommand implements Callable<Integer> {

    /** A node restoring large state may take a while before its views answer. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(30);

    @Spec
    CommandSpec spec;

    @Mixin
    ExternalKafkaOptions kafka;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "HTTP port of the query API (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--advertised-host",
            paramLabel = "HOST",
            description = "The host name other nodes reach this one's HTTP API on (application.server); "
                    + "default: this machine's host name (a container's: its host name in the network).")
    String advertisedHost;

    @Option(
            names = "--advertised-port",
            paramLabel = "PORT",
            description = "The port other nodes reach this one's HTTP API on, when it is not --port (a port "
                    + "mapped by a container runtime or a proxy); default: --port.")
    Integer advertisedPort;

    @Option(
            names = "--partitions",
            defaultValue = "" + ProjectorSettings.DEFAULT_PARTITIONS,
            paramLabel = "N",
            description = "Partitions of the ledger topics when this node creates them (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--replication",
            defaultValue = "" + ProjectorSettings.DEFAULT_REPLICATION,
            paramLabel = "N",
            description = "Replication factor of the ledger topics and of the projector's internal topics "
                    + "(default ${DEFAULT-VALUE}; min.insync.replicas 2 from 3 on).")
    short replication;

    @Option(
            names = "--state-dir",
            defaultValue = "state",
            paramLabel = "DIR",
            description = "The projector's local state (RocksDB); kept across restarts (default ./${DEFAULT-VALUE}).")
    Path stateDir;

    @Mixin
    HistoryRetentionOption history;

    @Mixin
    ServerAccessOptions access;

    @Option(
            names = "--settlement-zone",
            defaultValue = ProjectorSettings.DEFAULT_SETTLEMENT_ZONE,
            paramLabel = "ZONE",
            description = "The time zone of business dates, the same on every node (default ${DEFAULT-VALUE}).")
    ZoneId settlementZone;

    @Override
    public Integer call() throws InterruptedException {
        ClientProperties clients = kafka.clientProperties();
        NodeSettings settings;
        ServerAccess serverAccess;
        long began;
        LedgerNode node;
        // Held from here until the server binds it; given back if the start fails before.
        try (HttpPort httpPort = HttpPort.reserve(port)) {
            try {
                serverAccess = access.settings();
                settings = new NodeSettings(
                        partitions,
                        replication,
                        stateDir,
                        new HostInfo(advertisedHost(), advertisedPort(httpPort.number())),
                        settlementZone,
                        history.retention());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            began = System.nanoTime();
            node = LedgerNode.start(clients, settings, httpPort, new Properties(), READY_TIMEOUT, serverAccess);
        }
        PrintWriter out = spec.commandLine().getOut();
        ShutdownHook hook = ShutdownHook.install(node.services(), out);
        out.printf(
                "Kleline Ledger node is running (ready in %d ms).%n  HTTP API (reads)  %s://%s:%d (listening on %s:%d)%n"
                        + "  Kafka             %s%n  Schema registry   %s%n",
                (System.nanoTime() - began) / 1_000_000,
                serverAccess.scheme(),
                settings.self().host(),
                settings.self().port(),
                serverAccess.bind(),
                node.port(),
                clients.bootstrapServers(),
                clients.schemaRegistryUrl());
        node.adminKey()
                .ifPresent(admin -> out.printf(
                        admin.madeNow()
                                ? "  Admin API key     made now, written to %s (readable by its owner only)%n"
                                : "  Admin API key     in %s (key " + admin.keyId() + ")%n",
                        serverAccess.adminKeyFile().orElseThrow()));
        out.flush();
        return node.untilStopped(hook);
    }

    private int advertisedPort(int httpPort) {
        if (advertisedPort == null) {
            return httpPort;
        }
        if (advertisedPort < 1 || advertisedPort > 65_535) {
            throw new IllegalArgumentException("--advertised-port must be 1..65535, got " + advertisedPort);
        }
        return advertisedPort;
    }

    private String advertisedHost() {
        if (advertisedHost != null && !advertisedHost.isBlank()) {
            return advertisedHost;
        }
        return HostName.ofThisMachine("--advertised-host");
    }
}
