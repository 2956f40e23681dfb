package org.kleline.ledger.cli.node;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.StreamsReadiness;
import org.kleline.ledger.cli.topics.TopicDurability;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.KafkaApiKeys;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * One projector node with the query API on its HTTP port ({@code ledger node}), against an external
 * Kafka and schema registry. Closed in reverse start order: HTTP, query API, projector.
 */
public final class LedgerNode extends ProjectorProcess {

    private final Optional<AdminKeyFile.AdminKey> adminKey;

    private LedgerNode(
            Services services, QueryNode node, LedgerHttpServer http, Optional<AdminKeyFile.AdminKey> adminKey) {
        super(services, http, node);
        this.adminKey = adminKey;
    }

    /**
     * Starts the node on {@code listenPort} ({@code access.bind()}) and returns once its views answer. The port is
     * held until the server binds it; it may differ from the port advertised to the other nodes
     * ({@code settings.self()}: a port a container runtime or a proxy maps). The caller closes {@code listenPort}
     * (a no-op once bound). The topics it uses are checked first ({@link TopicDurability}): a refusal is a
     * {@code StartupFailure}.
     *
     * @param extra projector or Streams keys over the node's own (tests: a short session timeout)
     */
    public static LedgerNode start(
            ClientProperties clients,
            NodeSettings settings,
            HttpPort listenPort,
            Properties extra,
            Duration readyTimeout,
            ServerAccess access) {
        TopicDurability.enforce(
                clients.asClientMap(),
                "ledger node",
                TopicDurability.NODE_TOPICS,
                new TopicDurability.Expectation(settings.partitions(), settings.replication()));
        Services services = new Services();
        try {
            QueryNode node = services.add(
                    "projector and query API",
                    QueryNode.start(
                            clients.values(),
                            settings,
                            extra,
                            Optional.of(access.clusterSecret()),
                            access.tls().map(tls -> access.clientTls())));
            KafkaApiKeys keys = services.add("API keys", KafkaApiKeys.start(clients.asClientMap(), Clock.systemUTC()));
            Optional<AdminKeyFile.AdminKey> adminKey =
                    access.adminKeyFile().map(file -> AdminKeyFile.ensure(file, keys));
            HttpServerConfig config = access.serverConfig(listenPort.number());
            LedgerHttpServer http = services.add(
                    "HTTP server",
                    listenPort.bind(LedgerHttpServer.create(
                            config,
                            AccessControl.withKeys(keys, Optional.of(access.clusterSecret())),
                            List.of(node.routes()))));
            StreamsReadiness.await(node.streams(), readyTimeout);
            return new LedgerNode(services, node, http, adminKey);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** The admin key of {@code --admin-key-file}, made now or found there. */
    public Optional<AdminKeyFile.AdminKey> adminKey() {
        return adminKey;
    }
}
