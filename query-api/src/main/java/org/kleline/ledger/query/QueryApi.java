package org.kleline.ledger.query;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.query.health.HealthRoutes;
import org.kleline.ledger.query.health.StreamsHealth;
import org.kleline.ledger.query.http.ReadRoutes;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.query.metrics.MetricsRoutes;
import org.kleline.ledger.query.metrics.QueryMetrics;
import org.kleline.ledger.query.routing.ForwardMetrics;
import org.kleline.ledger.query.routing.InternalReadRoutes;
import org.kleline.ledger.query.routing.ReadRouter;
import org.kleline.ledger.query.routing.RemoteReads;
import org.kleline.ledger.query.views.LedgerViews;
import org.kleline.ledger.query.views.RoutedLedgerViews;
import org.kleline.ledger.query.views.ViewsOutcomeLookup;
import org.kleline.ledger.query.views.ViewsSettlementRows;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * The read side of one projector node: the reads of API.md over the projector's stores (Kafka
 * Streams interactive queries), routed to the instance that owns each key or gathered from every
 * instance, plus {@code /health} and {@code /metrics}. Serve {@link #routes()} on the port that
 * {@code application.server} (= {@link QueryConfig#self()}) advertises.
 *
 * <pre>{@code
 * try (QueryApi query = QueryApi.create(projector.streams(), QueryConfig.defaults(new HostInfo("node-1", 8080)));
 *      LedgerHttpServer server = LedgerHttpServer.create(8080, List.of(query.routes())).start()) { ... }
 * }</pre>
 */
public final class QueryApi implements AutoCloseable {

    private final QueryMetrics metrics;
    private final LedgerViews views;
    private final HttpRoutes routes;

    private QueryApi(KafkaStreams streams, QueryConfig config, Clock clock) {
        this.metrics = new QueryMetrics(streams);
        LocalStores local = new LocalStores(streams);
        RemoteReads remote = new RemoteReads(config.self(), config.forwardTimeout(),
                new ForwardMetrics(metrics.registry()));
        ReadRouter router = new ReadRouter(streams, config.self(), local, remote, config.forwardTimeout());
        this.views = new RoutedLedgerViews(router, clock);
        List<HttpRoutes> modules = List.of(
                new ReadRoutes(views, config.settlementZone()),
                new InternalReadRoutes(local),
                new HealthRoutes(new StreamsHealth(streams, config.self())),
                new MetricsRoutes(metrics));
        this.routes = cfg -> modules.forEach(m -> m.register(cfg));
    }

    /** A query API over {@code streams} (started or not: reads are 503 until it runs). */
    public static QueryApi create(KafkaStreams streams, QueryConfig config) {
        return create(streams, config, Clock.systemUTC());
    }

    /** As {@link #create(KafkaStreams, QueryConfig)}, with the clock that says which fee plan is in force now. */
    public static QueryApi create(KafkaStreams streams, QueryConfig config, Clock clock) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new QueryApi(streams, config, clock);
    }

    /** Every GET of API.md's reads, {@code /health}, {@code /metrics}, and the internal forwarding endpoint. */
    public HttpRoutes routes() {
        return routes;
    }

    /** Ingest's look-up of an eventId's first outcome, routed to its owner (503 when it cannot be read now). */
    public OutcomeLookup outcomeLookup() {
        return new ViewsOutcomeLookup(views);
    }

    /** Ingest's rows of a business date, gathered from every instance (503 when some cannot be read now). */
    public SettlementRows settlementRows() {
        return new ViewsSettlementRows(views);
    }

    /** The answers themselves, for callers in the same process (the CLI's {@code verify}). */
    public LedgerViews views() {
        return views;
    }

    /** This node's Prometheus registry, to bind other meters (producers) to. */
    public PrometheusMeterRegistry meterRegistry() {
        return metrics.registry();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
