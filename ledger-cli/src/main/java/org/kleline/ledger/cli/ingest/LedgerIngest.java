package org.kleline.ledger.cli.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.KafkaApiKeys;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * Ingest alone on its HTTP port ({@code ledger ingest}), against an external Kafka and schema
 * registry. Its query side is a node's HTTP API when one is given ({@link QueryOverHttp}). Without
 * one, a retry is appended again and the projector marks it DUPLICATE (no effect; the wait answers
 * the first outcome once it is read), and settle is 503 for want of settlement rows.
 */
public final class LedgerIngest implements AutoCloseable {

    private final Services services;
    private final LedgerHttpServer http;

    private LedgerIngest(Services services, LedgerHttpServer http) {
        this.services = services;
        this.http = http;
    }

    /** Starts ingest on {@code port} ({@code access.bind()}) with the default import window; the topics must exist. */
    public static LedgerIngest start(ClientProperties clients, int port, boolean allowImport,
                                     Optional<QueryOverHttp> query, ServerAccess access) {
        return start(clients, port, IngestConfig.defaults().withImportEnabled(allowImport), query, access);
    }

    /** Starts ingest on {@code port} ({@code access.bind()}); the ledger topics must exist. */
    public static LedgerIngest start(ClientProperties clients, int port, IngestConfig config,
                                     Optional<QueryOverHttp> query, ServerAccess access) {
        Services services = new Services();
        try {
            Topics topics = Topics.create(clients.asClientMap());
            IngestRuntime ingest = services.add("ingest", IngestRuntime.start(clients.asClientMap(), topics,
                    config,
                    query.<OutcomeLookup>map(q -> q).orElse(OutcomeLookup.none()), query.<SettlementRows>map(q -> q),
                    Clock.systemUTC()));
            KafkaApiKeys keys = services.add("API keys", KafkaApiKeys.start(clients.asClientMap(), Clock.systemUTC()));
            access.adminKeyFile().ifPresent(file -> AdminKeyFile.ensure(file, keys));
            HttpServerConfig http = new HttpServerConfig(access.bind(), port,
                    HttpServerConfig.DEFAULT_MAX_REQUEST_BYTES, HttpServerConfig.DEFAULT_MAX_THREADS,
                    HttpServerConfig.DEFAULT_ASYNC_TIMEOUT_MS);
            LedgerHttpServer server = services.add("HTTP server", LedgerHttpServer.create(http,
                    AccessControl.withKeys(keys, Optional.of(access.clusterSecret())), List.of(ingest.routes()))
                    .start());
            return new LedgerIngest(services, server);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            services.close();
            throw new StartupFailure("Kafka at " + clients.bootstrapServers() + " did not answer in time (check "
                    + "--bootstrap-servers and the security settings of -X / --client-config, and that a node has "
                    + "created the ledger topics): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        services.close();
    }
}
