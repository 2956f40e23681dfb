package org.kleline.ledger.web.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.ProblemResponses;

/**
 * The one HTTP server of a ledger process: Javalin on Jetty 12, the strict JSON mapper, the request
 * body limit, the bounds of {@link HttpLimits} (threads, connections, idle timeout, requests in flight per
 * class, admitted by {@link RequestAdmission}), and problem details for every error. Route modules are given at
 * creation, besides {@link Liveness} ({@code GET /health/live}) and {@link ApiDocsRoutes}
 * ({@code GET /openapi.json}, {@code /docs}), which every server has; the server binds on {@link #start()}
 * and stops on {@link #close()}.
 */
public final class LedgerHttpServer implements AutoCloseable {

    private final Javalin app;
    private final HttpServerConfig config;
    private final RequestAdmission admission;
    private boolean started;
    /** Run by the connector just before it binds the port: what held the port gives it up then. */
    private volatile Runnable beforeBind = () -> {};

    private LedgerHttpServer(HttpServerConfig config, AccessControl access, List<HttpRoutes> routes) {
        this.config = config;
        this.admission = new RequestAdmission(config.limits());
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.generateEtags = false;
            // A bound on every answer given from a future (a write waiting for its outcome): past it, 503.
            cfg.http.asyncTimeout = config.asyncTimeoutMs();
            cfg.jetty.timeoutStatus = 503;
            cfg.jsonMapper(new JavalinJackson(LedgerJson.mapper(), false));
            HttpLimits limits = config.limits();
            QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(4, limits.threads()));
            pool.setName("ledger-http");
            cfg.jetty.threadPool = pool;
            cfg.jetty.addConnector((server, http) -> connector(server, http, config, () -> beforeBind.run()));
            cfg.jetty.modifyServer(server -> {
                // What Jetty refuses before any route (an undecodable path, a head over its size) is a problem body
                // too.
                server.setErrorHandler(new ProblemErrorHandler());
                // A body is gathered whole, without a thread, before admission and the route: a client trickling it
                // holds its connection, never a request thread, and a refusal leaves nothing unread. A silent one
                // is cut off at the idle timeout. The bodies held at once are bounded by a budget (BodyBudget).
                // Javalin puts its servlet inside the innermost wrapper, admission.
                SilenceEndsTheBody silence = new SilenceEndsTheBody();
                BodyBudget budget = BodyBudget.ofHeap(config.maxRequestBytes(), limits.connections());
                EagerContentHandler gather = new EagerContentHandler(
                        new EagerContentHandler.RetainedContentLoaderFactory(config.maxRequestBytes(), -1, false));
                silence.setHandler(budget);
                budget.setHandler(gather);
                gather.setHandler(admission);
                server.setHandler(silence);
                NetworkConnectionLimit connectionLimit = new NetworkConnectionLimit(limits.connections(), server);
                connectionLimit.setEndPointIdleTimeout(HttpLimits.CROWDED_IDLE_TIMEOUT.toMillis());
                server.addBean(connectionLimit);
            });
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

    /**
     * The one connector: plain HTTP, or HTTPS only when the config has TLS (Javalin adds no plain one beside it),
     * with the limits' idle timeout and accept queue.
     */
    private static ServerConnector connector(
            Server server, HttpConfiguration http, HttpServerConfig config, Runnable beforeBind) {
        ServerConnector connector = config.tls()
                .map(tls -> {
                    // Clients reach a node by address as well as by name: the certificate is checked by them, not here.
                    http.addCustomizer(new SecureRequestCustomizer(false));
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(tls.keyStore());
                    ssl.setKeyStorePassword(new String(tls.keyPassword()));
                    ssl.setKeyManagerPassword(new String(tls.keyPassword()));
                    return new BindingConnector(
                            server,
                            beforeBind,
                            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                            new HttpConnectionFactory(http));
                })
                .orElseGet(() -> new BindingConnector(server, beforeBind, new HttpConnectionFactory(http)));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.limits().idleTimeout().toMillis());
        connector.setAcceptQueueSize(config.limits().acceptQueue());
        return connector;
    }

    /** A connector that runs a hook just before it binds its port (Jetty opens connectors after the handlers). */
    private static final class BindingConnector extends ServerConnector {

        private final Runnable beforeBind;

        BindingConnector(Server server, Runnable beforeBind, ConnectionFactory... factories) {
            super(server, factories);
            this.beforeBind = beforeBind;
        }

        @Override
        protected ServerSocketChannel openAcceptChannel() throws IOException {
            beforeBind.run();
            return super.openAcceptChannel();
        }
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
    public LedgerHttpServer start() {
        return start(() -> {});
    }

    /**
     * As {@link #start()}, running {@code beforeBind} once everything else of the server has started, just before
     * its connector binds the port: a socket holding the port until then closes in it, so that nothing else can
     * take the port meanwhile (the server's own start, its first in a JVM above all, takes hundreds of ms).
     */
    public synchronized LedgerHttpServer start(Runnable beforeBind) {
        if (started) {
            throw new IllegalStateException("server already started on port " + app.port());
        }
        this.beforeBind = beforeBind;
        app.start();
        started = true;
        return this;
    }

    /** The port it was configured on (0: one the kernel chooses at {@link #start()}). */
    public int configuredPort() {
        return config.port();
    }

    /** The bound port (the real one when the configured port was 0). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("server not started (configured port " + config.port() + ")");
        }
        return app.port();
    }

    /** Requests of {@code kind} in flight now, admitted and not yet answered. */
    public int inFlight(RequestClass kind) {
        return admission.inFlight(kind);
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
