package org.kleline.ledger.cli.node;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.StreamsReadiness;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * One projector node with the query API on its HTTP port ({@code ledger node}), against an external
 * Kafka and schema registry. Closed in reverse start order: HTTP, query API, projector.
 */
public final class LedgerNode implements AutoCloseable {

    private final Services services;
    private final QueryNode node;
    private final LedgerHttpServer http;

    private LedgerNode(Services services, QueryNode node, LedgerHttpServer http) {
        this.services = services;
        this.node = node;
        this.http = http;
    }

    /**
     * Starts the node on {@code settings.self().port()} (all interfaces) and returns once its views answer.
     *
     * @param extra projector or Streams keys over the node's own (tests: a short session timeout)
     */
    public static LedgerNode start(ClientProperties clients, NodeSettings settings, Properties extra,
                                   Duration readyTimeout) {
        Services services = new Services();
        try {
            QueryNode node = services.add("projector and query API",
                    QueryNode.start(clients.values(), settings, extra));
            LedgerHttpServer http = services.add("HTTP server",
                    LedgerHttpServer.create(settings.self().port(), List.of(node.routes())).start());
            StreamsReadiness.await(node.streams(), readyTimeout);
            return new LedgerNode(services, node, http);
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
