package org.kleline.ledger.query.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * {@code GET /health}: {@code {"status":"UP"}} (200) once this node's views are queryable, else 503
 * with what is missing ({@code STARTING}, {@code REBALANCING}, {@code RESTORING}, ...) and
 * {@code Retry-After}.
 */
public final class HealthRoutes implements HttpRoutes {

    /** The body: only the status, as docs/api.md writes it. */
    public record HealthBody(HealthStatus status) {
    }

    private final StreamsHealth health;

    public HealthRoutes(StreamsHealth health) {
        this.health = health;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* Readiness of this node's views: 200 {"status":"UP"}, or 503 {"status":"REBALANCING"} and the like. */
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        HealthStatus status = health.check();
        if (status != HealthStatus.UP) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status == HealthStatus.UP ? 200 : 503).json(new HealthBody(status));
    }
}
