package org.kleline.ledger.query.health;

import io.javalin.config.RoutesConfig;
import org.kleline.ledger.web.health.ReadinessRoutes;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * {@code GET /health/ready} and {@code GET /health} (web's {@link ReadinessRoutes}) over this node's
 * {@link StreamsHealth}: {@code {"status":"UP"}} (200) once its views are queryable, else 503 with what is
 * missing ({@code STARTING}, {@code REBALANCING}, {@code RESTORING}, ...) and {@code Retry-After}.
 * {@code GET /health/live} is every server's own (web's {@code Liveness}).
 */
public final class HealthRoutes implements HttpRoutes {

    private final ReadinessRoutes readiness;

    public HealthRoutes(StreamsHealth health) {
        this.readiness = new ReadinessRoutes(() -> health.check().name());
    }

    @Override
    public void register(RoutesConfig routes) {
        readiness.register(routes);
    }
}
