package org.kleline.ledger.cli.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.ServingProcess;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.cli.topics.TopicDurability;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.run.IngestInstance;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.KafkaApiKeys;
import org.kleline.ledger.web.health.ReadinessRoutes;
import org.kleline.ledger.web.metrics.MetricsRoutes;
import org.kleline.ledger.web.metrics.PrometheusMetrics;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * Ingest alone on its HTTP port ({@code ledger ingest}), against an external Kafka and schema
 * registry. Its query side is a node's HTTP API when one is given ({@link QueryOverHttp}). Without
 * one, a retry is appended again and the projector marks it DUPLICATE (no effect; the wait answers
 * the first outcome once it is read), and settle is 503 for want of settlement rows.
 *
 * <p>Besides the writes it serves {@code GET /health/live}, {@code GET /health/ready} (and {@code /health}):
 * ready while its producer knows {@code ledger.events} and its API keys are being read, and {@code GET /metrics}:
 * the JVM and its producers' meters.
 */
public final class LedgerIngest extends ServingProcess {

    /** What {@code GET /health/ready} answers while the API keys are not being read. */
    public static final String KEYS_UNAVAILABLE = "KEYS_UNAVAILABLE";

    private final IngestRuntime ingest;
    private final KafkaApiKeys keys;

    private LedgerIngest(Services services, LedgerHttpServer http, IngestRuntime ingest, KafkaApiKeys keys) {
        super(services, http);
        this.ingest = ingest;
        this.keys = keys;
    }

    /**
     * Starts ingest on {@code port} ({@code access.bind()}; 0 picks a free one), an instance id of its own, the
     * default import window.
     */
    public static LedgerIngest start(
            ClientProperties clients,
            int port,
            boolean allowImport,
            Optional<QueryOverHttp> query,
            ServerAccess access) {
        try (HttpPort httpPort = HttpPort.reserve(port)) {
            return start(
                    clients,
                    httpPort,
                    IngestSettings.unique(allowImport),
                    IngestConfig.defaults().withImportEnabled(allowImport),
                    query,
                    access);
        }
    }

    /**
     * Starts ingest on {@code httpPort} ({@code access.bind()}), as {@code settings} and {@code config} say; the
     * port is held until the server binds it, and the caller closes it (a no-op once bound). The ledger topics must
     * exist, and pass {@link TopicDurability}'s checks (a refusal is a {@code StartupFailure}).
     */
    public static LedgerIngest start(
            ClientProperties clients,
            HttpPort httpPort,
            IngestSettings settings,
            IngestConfig config,
            Optional<QueryOverHttp> query,
            ServerAccess access) {
        Services services = new Services();
        try {
            PrometheusMetrics metrics = services.add("metrics", new PrometheusMetrics());
            Topics topics = Topics.create(clients.asClientMap());
            IngestRuntime ingest = services.add(
                    "ingest",
                    IngestRuntime.start(
                            clients.asClientMap(),
                            topics,
                            config,
                            query.<OutcomeLookup>map(q -> q).orElse(OutcomeLookup.none()),
                            query.<SettlementRows>map(q -> q),
                            Clock.systemUTC(),
                            new IngestInstance(settings.instanceId(), metrics.registry())));
            KafkaApiKeys keys = services.add("API keys", KafkaApiKeys.start(clients.asClientMap(), Clock.systemUTC()));
            // After the runtime and the keys, which wait for their topics: every topic it uses exists now.
            TopicDurability.enforce(
                    clients.asClientMap(),
                    "ledger ingest",
                    TopicDurability.INGEST_TOPICS,
                    new TopicDurability.Expectation(0, settings.replication()));
            access.adminKeyFile().ifPresent(file -> AdminKeyFile.ensure(file, keys));
            HttpServerConfig serverConfig = access.serverConfig(httpPort.number());
            LedgerHttpServer http = services.add(
                    "HTTP server",
                    httpPort.bind(LedgerHttpServer.create(
                            serverConfig,
                            AccessControl.withKeys(keys, Optional.of(access.clusterSecret())),
                            List.of(
                                    ingest.routes(),
                                    new ReadinessRoutes(() -> readiness(ingest, keys)),
                                    new MetricsRoutes(metrics)))));
            return new LedgerIngest(services, http, ingest, keys);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            services.close();
            throw new StartupFailure(
                    "Kafka at " + clients.bootstrapServers() + " did not answer in time (check "
                            + "--bootstrap-servers and the security settings of -X / --client-config, and that a node has "
                            + "created the ledger topics): " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** {@code UP} when its producer knows {@code ledger.events} and its API keys are being read. */
    static String readiness(IngestRuntime ingest, KafkaApiKeys keys) {
        if (!keys.reading()) {
            return KEYS_UNAVAILABLE;
        }
        return ingest.readiness();
    }

    /** What {@code GET /health/ready} answers now. */
    public String readiness() {
        return readiness(ingest, keys);
    }
}
