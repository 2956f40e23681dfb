package org.kleline.ledger.query.metrics;

import io.javalin.config.RoutesConfig;
import org.kleline.ledger.web.server.HttpRoutes;

/** {@code GET /metrics}: the node's registry in the Prometheus text format. */
public final class MetricsRoutes implements HttpRoutes {

    private final QueryMetrics metrics;

    public MetricsRoutes(QueryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* Prometheus scrape: JVM, Kafka Streams client and query API metrics. */
        routes.get("/metrics", ctx -> ctx.contentType(QueryMetrics.CONTENT_TYPE).result(metrics.scrape()));
    }
}
