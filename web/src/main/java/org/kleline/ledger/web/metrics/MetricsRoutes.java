package org.kleline.ledger.web.metrics;

import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;
import org.kleline.ledger.web.server.HttpRoutes;

/** {@code GET /metrics}: a registry in the Prometheus text format (an admin or auditor key: web.auth). */
public final class MetricsRoutes implements HttpRoutes {

    public static final String PATH = "/metrics";

    private final Supplier<String> scrape;

    public MetricsRoutes(PrometheusMetrics metrics) {
        this(metrics::scrape);
    }

    public MetricsRoutes(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* Prometheus scrape: the JVM and the process's Kafka clients. */
        routes.get(PATH, ctx -> ctx.contentType(PrometheusMetrics.CONTENT_TYPE).result(scrape.get()));
    }
}
