package org.kleline.ledger.query.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.kleline.ledger.web.server.HttpRoutes;

/** {@code GET /health}: {@code {"status":"UP"}} (200) once the views are queryable, else 503 with the status. */
public final class HealthRoutes implements HttpRoutes {

    /** The body: {@code status}, and the Kafka Streams state behind it. */
    public record HealthBody(HealthStatus status, String streams) {
    }

    private final StreamsHealth health;
    private final Supplier<String> streamsState;

    public HealthRoutes(StreamsHealth health, Supplier<String> streamsState) {
        this.health = health;
        this.streamsState = streamsState;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* Readiness of this node's views: 200 {"status":"UP"} or 503 {"status": "REBALANCING" | "RESTORING" | ...}. */
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        HealthStatus status = health.check();
        if (status != HealthStatus.UP) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status == HealthStatus.UP ? 200 : 503).json(new HealthBody(status, streamsState.get()));
    }
}
