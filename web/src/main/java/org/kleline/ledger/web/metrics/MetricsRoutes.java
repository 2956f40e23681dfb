package org.kleline.ledger.web.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kleline.ledger.web.server.HttpRoutes;
import org.kleline.ledger.web.server.RequestObserver;

/**
 * {@code GET /metrics}: the process's registry in the Prometheus text format (an admin or auditor key:
 * web.auth), and the timing of every request the server answers ({@link HttpRequestMeters}) on it.
 */
public final class MetricsRoutes implements HttpRoutes, RequestObserver {

    public static final String PATH = "/metrics";

    private final PrometheusMetrics metrics;
    private final HttpRequestMeters requests;

    public MetricsRoutes(PrometheusMetrics metrics) {
        this.metrics = metrics;
        this.requests = new HttpRequestMeters(metrics.registry());
    }

    @Override
    public void register(RoutesConfig routes) {
        /* Prometheus scrape: the JVM, the process's Kafka clients, the projector's counters, the requests. */
        routes.get(PATH, ctx -> ctx.contentType(PrometheusMetrics.CONTENT_TYPE).result(metrics.scrape()));
    }

    @Override
    public void answered(Context ctx, float elapsedMs) {
        requests.answered(ctx, elapsedMs);
    }
}
