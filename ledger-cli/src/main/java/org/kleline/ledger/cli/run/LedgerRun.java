package org.kleline.ledger.cli.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.cli.discovery.RunAddresses;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.cli.lifecycle.StreamsReadiness;
import org.kleline.ledger.cli.node.NodeSettings;
import org.kleline.ledger.cli.node.QueryNode;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.model.topics.Topics;
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
public final class LedgerRun implements AutoCloseable {

    /** The single projector of this process rejoins its group at once after a restart (static membership). */
    static final String GROUP_INSTANCE_ID = "ledger-run";
    /** The whole-log catch-up after a restart counts in here; a fresh directory is ready in seconds. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    /** The admin's own machine: nothing here is served beyond it, like the broker. */
    static final String BIND_HOST = "127.0.0.1";

    private final Services services;
    private final EmbeddedLedgerInfrastructure infrastructure;
    private final QueryNode node;
    private final LedgerHttpServer http;
    private final Path dataDir;
    private final Duration startupTime;

    private LedgerRun(Services services, EmbeddedLedgerInfrastructure infrastructure, QueryNode node,
                      LedgerHttpServer http, Path dataDir, Duration startupTime) {
        this.services = services;
        this.infrastructure = infrastructure;
        this.node = node;
        this.http = http;
        this.dataDir = dataDir;
        this.startupTime = startupTime;
    }

    /** Starts everything and returns once the API answers reads; a {@link StartupFailure} says why not. */
    public static LedgerRun start(RunSettings settings) {
        long began = System.nanoTime();
        Path dataDir = DataDirectory.prepare(settings.dataDir());
        int port = HttpPort.settle(settings.port());
        Services services = new Services();
        try {
            EmbeddedLedgerInfrastructure infrastructure = services.add("broker and schema registry",
                    EmbeddedLedgerInfrastructure.start(dataDir));
            Map<String, String> clients = new LinkedHashMap<>();
            clients.put("bootstrap.servers", infrastructure.bootstrapServers());
            clients.put("schema.registry.url", infrastructure.schemaRegistryUrl());

            NodeSettings nodeSettings = new NodeSettings(settings.partitions(), (short) 1,
                    DataDirectory.streamsState(dataDir), new HostInfo("localhost", port), settings.settlementZone(),
                    settings.historyRetention());
            Properties single = new Properties();
            single.put("group.instance.id", GROUP_INSTANCE_ID);
            QueryNode node = services.add("projector and query API", QueryNode.start(clients, nodeSettings, single));

            Map<String, Object> clientMap = new LinkedHashMap<>(clients);
            IngestRuntime ingest = services.add("ingest", IngestRuntime.start(clientMap, Topics.create(clientMap),
                    IngestConfig.defaults().withImportEnabled(true), node.outcomeLookup(),
                    Optional.of(node.settlementRows()), Clock.systemUTC()));

            LedgerHttpServer http = services.add("HTTP server", bind(port, List.of(ingest.routes(), node.routes())));
            StreamsReadiness.await(node.streams(), READY_TIMEOUT);
            // Last in, so first out: the file is gone before anything it points to stops.
            services.add("addresses file", RunAddresses.ofThisProcess(infrastructure.bootstrapServers(),
                    infrastructure.schemaRegistryUrl(), httpUrl(http), settings.settlementZone()).writeTo(dataDir));
            return new LedgerRun(services, infrastructure, node, http, dataDir,
                    Duration.ofNanos(System.nanoTime() - began));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static LedgerHttpServer bind(int port, List<org.kleline.ledger.web.server.HttpRoutes> routes) {
        HttpServerConfig config = new HttpServerConfig(BIND_HOST, port, HttpServerConfig.DEFAULT_MAX_REQUEST_BYTES,
                HttpServerConfig.DEFAULT_MAX_THREADS, HttpServerConfig.DEFAULT_ASYNC_TIMEOUT_MS);
        try {
            return LedgerHttpServer.create(config, routes).start();
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot serve HTTP on port " + port + " (--port): " + e.getMessage(), e);
        }
    }

    /** The HTTP API's base URL on the interface it is bound to, {@code http://127.0.0.1:<port>}. */
    public URI httpUrl() {
        return httpUrl(http);
    }

    private static URI httpUrl(LedgerHttpServer http) {
        return URI.create("http://" + BIND_HOST + ":" + http.port());
    }

    public int port() {
        return http.port();
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

    /** The parts, in start order, for a shutdown hook. */
    public Services services() {
        return services;
    }

    /** Blocks until the projector stops: after {@link #close()}, or when it failed. */
    public void awaitProjectorStopped() throws InterruptedException {
        node.awaitTermination();
    }

    public String projectorState() {
        return node.streams().state().toString();
    }

    @Override
    public void close() {
        services.close();
    }
}
