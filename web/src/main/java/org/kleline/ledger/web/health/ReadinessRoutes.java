package org.kleline.ledger.web.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * {@code GET /health/ready} and {@code GET /health} (the same answer, the older name kept for whoever
 * checks it): 200 {@code {"status":"UP"}} when the process can take traffic, else 503 with what is missing
 * ({@code {"status":"RESTORING"}}) and {@code Retry-After: 1}. An orchestrator's readiness probe, and a load
 * balancer's health check. Needs no credential.
 */
public final class ReadinessRoutes implements HttpRoutes {

    public static final String PATH = "/health/ready";
    public static final String LEGACY_PATH = "/health";

    /** The body: only the status. */
    public record HealthBody(String status) {}

    private final Readiness readiness;

    public ReadinessRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* Readiness: 200 {"status":"UP"}, or 503 {"status":"REBALANCING"} and the like. */
        routes.get(PATH, this::ready);
        /* The same as /health/ready. */
        routes.get(LEGACY_PATH, this::ready);
    }

    private void ready(Context ctx) {
        String status;
        try {
            status = readiness.status();
        } catch (RuntimeException e) {
            status = "FAILED";
        }
        boolean up = Readiness.UP.equals(status);
        if (!up) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(up ? 200 : 503).json(new HealthBody(status));
    }
}
