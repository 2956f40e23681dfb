package org.kleline.ledger.web.server;

import io.javalin.http.Context;

/**
 * A route module that also wants to see every request once it is answered (web.metrics' request timings):
 * the server calls it for every request it routed, whatever the answer, with the time Javalin measured from
 * the request's arrival, in milliseconds.
 */
@FunctionalInterface
public interface RequestObserver {

    void answered(Context ctx, float elapsedMs);
}
