package org.kleline.ledger.web.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.ProblemResponses;

/**
 * The one HTTP server of a ledger process: Javalin on Jetty 12, the strict JSON mapper, the request
 * body limit, and problem details for every error. Route modules are given at creation, besides
 * {@link Liveness} ({@code GET /health/live}) and {@link ApiDocsRoutes} ({@code GET /openapi.json}, {@code /docs}),
 * which every server has; the server binds on {@link #start()}
 * and stops on {@link #close()}.
 */
public final class LedgerHttpServer implements AutoCloseable {

    private final Javalin app;
    private final HttpServerConfig config;
    private boolean started;

    private LedgerHttpServer(HttpServerConfig config, AccessControl access, List<HttpRoutes> routes) {
        this.config = config;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.generateEtags = false;
            // A bound on every answer given from a future (a write waiting for its outcome): past it, 503.
            cfg.http.asyncTimeout = config.asyncTimeoutMs();
            cfg.jetty.timeoutStatus = 503;
            cfg.jsonMapper(new JavalinJackson(LedgerJson.mapper(), false));
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), Math.min(4, config.maxThreads()));
            pool.setName("ledger-http");
            cfg.jetty.threadPool = pool;
            // What Jetty refuses before any route (an undecodable path, a head over its size) is a problem body too.
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
            ProblemResponses.install(cfg.routes);
            // Before every route: Host, credentials, role, media type (and the key management routes).
            access.install(cfg.routes);
            new Liveness().register(cfg.routes);
            new ApiDocsRoutes().register(cfg.routes);
            RouteModules modules = new RouteModules(routes);
            modules.register(cfg.routes);
            // Every request, once answered, to the modules that observe them (web.metrics' timings).
            cfg.requestLogger.http(modules::answered);
        });
    }

    /** A server without access control ({@link AccessControl#none()}): module tests. */
    public static LedgerHttpServer create(int port, List<HttpRoutes> routes) {
        return create(HttpServerConfig.onPort(port), routes);
    }

    /** A server without access control ({@link AccessControl#none()}): module tests. */
    public static LedgerHttpServer create(HttpServerConfig config, List<HttpRoutes> routes) {
        return create(config, AccessControl.none(), routes);
    }

    /** A server whose every route is behind {@code access} (every {@code ledger} command). */
    public static LedgerHttpServer create(HttpServerConfig config, AccessControl access, List<HttpRoutes> routes) {
        return new LedgerHttpServer(config, access, List.copyOf(routes));
    }

    /** Binds the port and serves; returns once the server accepts connections. */
    public synchronized LedgerHttpServer start() {
        if (started) {
            throw new IllegalStateException("server already started on port " + app.port());
        }
        app.start();
        started = true;
        return this;
    }

    /** The bound port (the real one when the configured port was 0). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("server not started (configured port " + config.port() + ")");
        }
        return app.port();
    }

    /** Every route this server registered, as {@code METHOD path} ({@code GET /v1/wallets/{walletId}}), sorted. */
    public SortedSet<String> routes() {
        SortedSet<String> routes = new TreeSet<>();
        for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            if (parsed.endpoint.method.isHttpMethod()) { // not the before and after handlers
                routes.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
            }
        }
        return routes;
    }

    @Override
    public synchronized void close() {
        if (started) {
            app.stop();
            started = false;
        }
    }
}
