package org.kleline.ledger.web.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Several route modules served as one (a node's reads, health, metrics and internal routes): registers each, and
 * passes every answered request on to those that are {@link RequestObserver}s, as the server does for its own
 * modules.
 */
public record RouteModules(List<HttpRoutes> modules) implements HttpRoutes, RequestObserver {

    public RouteModules {
        modules = List.copyOf(modules);
    }

    @Override
    public void register(RoutesConfig routes) {
        modules.forEach(module -> module.register(routes));
    }

    @Override
    public void answered(Context ctx, float elapsedMs) {
        for (HttpRoutes module : modules) {
            if (module instanceof RequestObserver observer) {
                observer.answered(ctx, elapsedMs);
            }
        }
    }
}
