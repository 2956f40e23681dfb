package org.kleline.ledger.web.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.kleline.ledger.web.server.RequestObserver;

/**
 * {@code ledger_http_server_requests_seconds}: every answered request, by method, route template (as
 * registered, {@code /v1/wallets/{walletId}}, so ids never become series; {@code unmatched} when no route
 * took it) and status, as a histogram with fixed buckets from 5 ms to 60 s (the longest any answer may take).
 * Timed in Javalin rather than in Jetty so that the route is the template and not the path.
 */
public final class HttpRequestMeters implements RequestObserver {

    public static final String NAME = "ledger.http.server.requests";
    public static final String UNMATCHED = "unmatched";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final MeterRegistry registry;

    public HttpRequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(Context ctx, float elapsedMs) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder(NAME)
                .description("HTTP requests answered, by method, route template and status")
                .tag("method", ctx.method().name())
                .tag("route", endpoint == null ? UNMATCHED : endpoint.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (elapsedMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
