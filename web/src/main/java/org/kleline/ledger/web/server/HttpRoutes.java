package org.kleline.ledger.web.server;

import io.javalin.config.RoutesConfig;

/**
 * A module of HTTP routes (the writes of ingest, the reads of the query API) that registers itself on
 * the one server. Javalin 7 takes routes up front, before the server starts, so a module registers on
 * the {@link RoutesConfig}, not on a running app. A module may also add exception mappings of its own.
 */
@FunctionalInterface
public interface HttpRoutes {

    void register(RoutesConfig routes);
}
