package org.kleline.ledger.cli.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.discovery.RunAddresses;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.cli.lifecycle.StreamsReadiness;
import org.kleline.ledger.cli.node.NodeSettings;
import org.kleline.ledger.cli.node.ProjectorProcess;
import org.kleline.ledger.cli.node.QueryNode;
import org.kleline.ledger.cli.topics.TopicDurability;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.ingest.run.IngestInstance;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.ApiKeys;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.auth.KafkaApiKeys;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * The whole ledger in one JVM ({@code ledger run}): the embedded broker and schema registry, the
 * projector and the query API, ingest, and one HTTP server for the writes and the reads. Everything
 * lives in the data directory, so a start on the same directory finds every balance again.
 *
 * <p>Started in dependency order and closed in the reverse: HTTP, ingest, query API, projector,
 * broker and registry. Once it is ready, its addresses are written to the data directory
 * ({@link RunAddresses}), for the commands run beside it; they are removed first when it stops.
 */
public final class LedgerRun extends ProjectorProcess {

    /** The single projector of this process rejoins its group at once after a restart (static membership). */
    static final String GROUP_INSTANCE_ID = "ledger-run";
    /**
     * Ingest's instance id: the same at every start of a data directory, so a restart fences the bulk
     * transaction a crash left open (one ledger run per data directory, so no two at once).
     */
    static final String INGEST_INSTANCE_ID = "ledger-run";
    /** The whole-log catch-up after a restart counts in here; a fresh directory is ready in seconds. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final EmbeddedLedgerInfrastructure infrastructure;
    private final Path dataDir;
    private final Duration startupTime;
    private final String bind;
    private final AdminKeyFile.AdminKey adminKey;
    private final ApiKeys apiKeys;
    private final Optional<SSLContext> clientTls;

    private LedgerRun(
            Services services,
            EmbeddedLedgerInfrastructure infrastructure,
            QueryNode node,
            LedgerHttpServer http,
            Path dataDir,
            Duration startupTime,
            String bind,
            AdminKeyFile.AdminKey adminKey,
            ApiKeys apiKeys,
            Optional<SSLContext> clientTls) {
        super(services, http, node);
        this.clientTls = clientTls;
        this.bind = bind;
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
        this.infrastructure = infrastructure;
        this.dataDir = dataDir;
        this.startupTime = startupTime;
    }

    /** Starts everything and returns once the API answers reads; a {@link StartupFailure} says why not. */
    public static LedgerRun start(RunSettings settings) {
        long began = System.nanoTime();
        Optional<SSLContext> clientTls;
        try {
            clientTls = settings.clientTls();
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("--tls-ca: " + e.getMessage(), e);
        }
        Path dataDir = DataDirectory.prepare(settings.dataDir());
        Services services = new Services();
        try {
            // Held until the server binds it, released with the rest when the start fails.
            HttpPort httpPort = services.add("HTTP port", HttpPort.reserve(settings.port()));
            int port = httpPort.number();
            EmbeddedLedgerInfrastructure infrastructure =
                    services.add("broker and schema registry", EmbeddedLedgerInfrastructure.start(dataDir));
            Map<String, String> clients = new LinkedHashMap<>();
            clients.put("bootstrap.servers", infrastructure.bootstrapServers());
            clients.put("schema.registry.url", infrastructure.schemaRegistryUrl());

            // One broker: replication 1 is what this process is, not a mistake to warn about.
            TopicDurability.enforce(
                    clients,
                    "ledger run",
                    TopicDurability.NODE_TOPICS,
                    new TopicDurability.Expectation(settings.partitions(), 1));
            NodeSettings nodeSettings = new NodeSettings(
                    settings.partitions(),
                    (short) 1,
                    DataDirectory.streamsState(dataDir),
                    new HostInfo("localhost", port),
                    settings.settlementZone(),
                    settings.historyRetention());
            Properties single = new Properties();
            single.put("group.instance.id", GROUP_INSTANCE_ID);
            // This process is its whole cluster: a secret of its own, never written anywhere.
            ClusterSecret clusterSecret = ClusterSecret.generate();
            QueryNode node = services.add(
                    "projector and query API",
                    QueryNode.start(clients, nodeSettings, single, Optional.of(clusterSecret)));

            Map<String, Object> clientMap = new LinkedHashMap<>(clients);
            KafkaApiKeys keys = services.add("API keys", KafkaApiKeys.start(clientMap, Clock.systemUTC()));
            AdminKeyFile.AdminKey adminKey = AdminKeyFile.ensure(dataDir.resolve(AdminKeyFile.NAME), keys);
            IngestRuntime ingest = services.add(
                    "ingest",
                    IngestRuntime.start(
                            clientMap,
                            Topics.create(clientMap),
                            settings.ingest(),
                            node.outcomeLookup(),
                            Optional.of(node.settlementRows()),
                            Clock.systemUTC(),
                            new IngestInstance(INGEST_INSTANCE_ID, node.meterRegistry())));

            Set<String> hosts = new HashSet<>(AccessControl.loopbackHosts(port));
            settings.allowedHosts().forEach(hosts::add);
            AccessControl access =
                    AccessControl.withKeys(keys, Optional.of(clusterSecret)).answeringOnlyFor(hosts);
            LedgerHttpServer http = services.add(
                    "HTTP server",
                    bind(
                            httpPort,
                            HttpServerConfig.of(settings.bind(), port, settings.httpLimits())
                                    .withTls(settings.tls()),
                            access,
                            List.of(ingest.routes(), node.routes())));
            StreamsReadiness.await(node.streams(), READY_TIMEOUT);
            // Last in, so first out: the file is gone before anything it points to stops.
            services.add(
                    "addresses file",
                    RunAddresses.ofThisProcess(
                                    infrastructure.bootstrapServers(),
                                    infrastructure.schemaRegistryUrl(),
                                    httpUrl(settings.bind(), http),
                                    settings.settlementZone())
                            .writeTo(dataDir));
            return new LedgerRun(
                    services,
                    infrastructure,
                    node,
                    http,
                    dataDir,
                    Duration.ofNanos(System.nanoTime() - began),
                    settings.bind(),
                    adminKey,
                    keys,
                    clientTls);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static LedgerHttpServer bind(
            HttpPort httpPort,
            HttpServerConfig config,
            AccessControl access,
            List<org.kleline.ledger.web.server.HttpRoutes> routes) {
        String host = config.host();
        int port = config.port();
        try {
            return httpPort.bind(LedgerHttpServer.create(config, access, routes));
        } catch (RuntimeException e) {
            throw new StartupFailure(
                    "cannot serve " + (config.tls().isPresent() ? "HTTPS" : "HTTP") + " on " + host + ":" + port
                            + " (--bind, --port): " + e.getMessage(),
                    e);
        }
    }

    /**
     * The HTTP API's base URL, {@code http://127.0.0.1:<port>} (or the interface given to --bind; {@code https}
     * with --tls-cert or --tls-keystore).
     */
    public URI httpUrl() {
        return httpUrl(bind, http());
    }

    /** {@code https} when it serves TLS, else {@code http}. */
    public String scheme() {
        return http().scheme();
    }

    /** How its own calls trust its HTTPS API (empty on plain HTTP, or with no --tls-ca and no TLS). */
    public Optional<SSLContext> clientTls() {
        return clientTls;
    }

    /** The admin's client of its own API, over HTTPS when it serves it: what the demo loads through. */
    public LedgerApi adminApi() {
        return new LedgerApi(httpUrl(), Optional.of(adminKey.secret()), clientTls);
    }

    private static URI httpUrl(String bind, LedgerHttpServer http) {
        boolean everywhere = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
        String host = everywhere
                ? RunSettings.DEFAULT_BIND
                : bind.indexOf(':') >= 0 && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        return URI.create(http.scheme() + "://" + host + ":" + http.port());
    }

    /** The admin key of this data directory ({@code admin.key}): made on its first start, found later. */
    public AdminKeyFile.AdminKey adminKey() {
        return adminKey;
    }

    /** The keys this process checks requests against (tests make keys of every role through it). */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** Every route its HTTP server registered, {@code METHOD path} (docs/openapi.json documents each). */
    public SortedSet<String> routes() {
        return http().routes();
    }

    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return infrastructure.schemaRegistryUrl();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** From {@link #start} being called to the API answering. */
    public Duration startupTime() {
        return startupTime;
    }
}
