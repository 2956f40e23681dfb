package org.kleline.ledger.web.server;

import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * {@code GET /health/live}: 200 {@code {"status":"UP"}} as soon as the HTTP server answers, whatever the
 * rest of the process is doing (a node restoring its views for minutes is alive). An orchestrator's
 * liveness probe: it restarts a process that stops answering this, not one that is merely not ready
 * ({@code GET /health/ready}). Every server of the ledger has it; it needs no credential.
 */
final class Liveness implements HttpRoutes {

    public static final String PATH = "/health/live";

    private static final Map<String, String> UP = Map.of("status", "UP");

    @Override
    public void register(RoutesConfig routes) {
        /* Liveness: 200 {"status":"UP"} whenever the process answers HTTP. */
        routes.get(PATH, ctx -> ctx.json(UP));
    }
}
