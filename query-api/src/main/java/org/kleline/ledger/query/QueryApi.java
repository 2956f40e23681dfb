package org.kleline.ledger.query;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.projector.read.CatchUpBarrier;
import org.kleline.ledger.projector.read.ProjectorReadSide;
import org.kleline.ledger.query.dashboard.DashboardAssets;
import org.kleline.ledger.query.dashboard.DashboardRoutes;
import org.kleline.ledger.query.health.HealthRoutes;
import org.kleline.ledger.query.health.StreamsHealth;
import org.kleline.ledger.query.http.ReadRoutes;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.query.metrics.QueryMetrics;
import org.kleline.ledger.query.routing.ForwardMetrics;
import org.kleline.ledger.query.routing.InternalReadRoutes;
import org.kleline.ledger.query.routing.ReadRouter;
import org.kleline.ledger.query.routing.RemoteReads;
import org.kleline.ledger.query.settle.CaughtUpSettlements;
import org.kleline.ledger.query.views.LedgerViews;
import org.kleline.ledger.query.views.RoutedLedgerViews;
import org.kleline.ledger.query.views.ViewsOutcomeLookup;
import org.kleline.ledger.web.metrics.MetricsRoutes;
import org.kleline.ledger.web.server.HttpRoutes;
import org.kleline.ledger.web.server.RouteModules;

/**
 * The read side of one projector node: the reads of docs/api.md over the projector's stores (Kafka
 * Streams interactive queries), routed to the instance that owns each key or gathered from every
 * instance, plus {@code /health} and {@code /metrics}. Serve {@link #routes()} on the port that
 * {@code application.server} (= {@link QueryConfig#self()}) advertises.
 *
 * <pre>{@code
 * try (QueryApi query = QueryApi.create(projector, QueryConfig.defaults(new HostInfo("node-1", 8080)));
 *      LedgerHttpServer server = LedgerHttpServer.create(8080, List.of(query.routes())).start()) { ... }
 * }</pre>
 */
public final class QueryApi implements AutoCloseable {

    /** Settlement reads behind the barrier at once: each may hold a thread for a forwarding timeout. */
    static final int SETTLEMENT_READ_THREADS = 2;

    private final QueryMetrics metrics;
    private final LedgerViews views;
    private final ExecutorService settlementReads;
    private final CaughtUpSettlements settlements;
    private final HttpRoutes routes;

    private QueryApi(KafkaStreams streams, QueryConfig config, Clock clock, Optional<CatchUpBarrier> barrier) {
        this.metrics = new QueryMetrics(streams);
        LocalStores local = new LocalStores(streams);
        RemoteReads remote = new RemoteReads(
                config.self(),
                config.forwardTimeout(),
                new ForwardMetrics(metrics.registry()),
                config.clusterSecret(),
                config.forwardTls());
        ReadRouter router = new ReadRouter(streams, config.self(), local, remote, config.forwardTimeout());
        this.views = new RoutedLedgerViews(router, clock);
        this.settlementReads = Executors.newFixedThreadPool(SETTLEMENT_READ_THREADS, task -> {
            Thread thread = new Thread(task, "ledger-settlement-reads");
            thread.setDaemon(true);
            return thread;
        });
        this.settlements = new CaughtUpSettlements(views, barrier, settlementReads);
        List<HttpRoutes> modules = List.of(
                new ReadRoutes(views, settlements, config.settlementZone()),
                new InternalReadRoutes(local),
                new HealthRoutes(new StreamsHealth(streams, config.self())),
                new MetricsRoutes(metrics.prometheus()),
                new DashboardRoutes(DashboardAssets.onClassPath()));
        this.routes = new RouteModules(modules);
    }

    /**
     * The query API of a started projector: its Streams instance's stores, and its catch-up barrier
     * behind the settlement reads ({@link #settlementRows()}, {@code GET /v1/settlements/{date}?caughtUp=true}).
     */
    public static QueryApi create(ProjectorReadSide projector, QueryConfig config) {
        return create(projector, config, Clock.systemUTC());
    }

    /** As {@link #create(ProjectorReadSide, QueryConfig)}, with the clock that says which fee plan is in force now. */
    public static QueryApi create(ProjectorReadSide projector, QueryConfig config, Clock clock) {
        Objects.requireNonNull(projector, "projector");
        return create(projector.streams(), config, clock, Optional.of(projector.catchUpBarrier()));
    }

    /**
     * A query API over {@code streams} alone (started or not: reads are 503 until it runs). Without a
     * catch-up barrier it cannot tell whether its settlement rows include every event appended, so
     * the settlement reads for a run are 503; the other reads are as usual.
     */
    public static QueryApi create(KafkaStreams streams, QueryConfig config) {
        return create(streams, config, Clock.systemUTC());
    }

    /** As {@link #create(KafkaStreams, QueryConfig)}, with the clock that says which fee plan is in force now. */
    public static QueryApi create(KafkaStreams streams, QueryConfig config, Clock clock) {
        return create(streams, config, clock, Optional.empty());
    }

    /** The general form: {@code barrier} empty makes the settlement reads for a run 503. */
    public static QueryApi create(
            KafkaStreams streams, QueryConfig config, Clock clock, Optional<CatchUpBarrier> barrier) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(barrier, "barrier");
        return new QueryApi(streams, config, clock, barrier);
    }

    /**
     * Every GET of the reads of docs/api.md, the dashboard,
     * {@code /health/ready} (and {@code /health}), {@code /metrics}, and the
     * internal forwarding endpoint ({@code /health/live} is the server's own).
     */
    public HttpRoutes routes() {
        return routes;
    }

    /** Ingest's look-up of an eventId's first outcome, routed to its owner (503 when it cannot be read now). */
    public OutcomeLookup outcomeLookup() {
        return new ViewsOutcomeLookup(views);
    }

    /**
     * Ingest's rows of a business date for a settlement run: once the projector has applied every
     * event appended before the call, gathered from every instance (503 when it is behind, when some
     * partition cannot be read now, or without a barrier).
     */
    public SettlementRows settlementRows() {
        return settlements;
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
        settlementReads.shutdownNow();
        metrics.close();
    }
}
