package org.kleline.ledger.web.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.ProblemResponses;
import org.kleline.ledger.web.tls.ServerTls;

/**
 * The one HTTP server of a ledger process: Javalin on Jetty 12, the strict JSON mapper, the request
 * body limit, and problem details for every error. Route modules are given at creation, besides
 * {@link Liveness} ({@code GET /health/live}), which every server has; the server binds on {@link #start()}
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
            // With TLS, the one connector speaks HTTPS only: Javalin adds no plain one beside it.
            config.tls().ifPresent(tls -> cfg.jetty.addConnector((server, http) -> httpsConnector(server, http, tls)));
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
            routes.forEach(module -> module.register(cfg.routes));
        });
    }

    private ServerConnector httpsConnector(Server server, HttpConfiguration http, ServerTls tls) {
        // Clients reach a node by address as well as by name: the certificate is checked by them, not here.
        http.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.keyPassword()));
        ssl.setKeyManagerPassword(new String(tls.keyPassword()));
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    /** {@code https} when the server serves TLS, else {@code http}. */
    public String scheme() {
        return config.tls().isPresent() ? "https" : "http";
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

    @Override
    public synchronized void close() {
        if (started) {
            app.stop();
            started = false;
        }
    }
}
