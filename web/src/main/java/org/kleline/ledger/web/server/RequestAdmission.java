package org.kleline.ledger.web.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The handler before every route: admits a request within its class's bound of requests in flight
 * ({@link HttpLimits#inFlight}), or answers at once 429 with {@code Retry-After} and a problem body naming
 * the class, before the request is authenticated or its route runs, so a burst past capacity is answered
 * rather than queued. Its body has been gathered already, without a thread ({@link LedgerHttpServer}): an
 * answer given with the body unread would make Jetty close the connection with bytes unread, and the
 * operating system reset it, losing the answer on its way to the client. A request holds its place until
 * its answer is complete, an answer given from a future (a write waiting for its outcome) included;
 * {@link RequestClass#of} names what is never refused.
 */
final class RequestAdmission extends Handler.Wrapper {

    private final Map<RequestClass, Semaphore> places = new EnumMap<>(RequestClass.class);
    private final Map<RequestClass, Integer> bounds;

    RequestAdmission(HttpLimits limits) {
        this.bounds = limits.inFlight();
        bounds.forEach((kind, bound) -> places.put(kind, new Semaphore(bound)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<RequestClass> kind = RequestClass.of(
                request.getMethod(),
                Request.getPathInContext(request),
                request.getHttpURI().getQuery(),
                request.getHeaders().get("Prefer"));
        if (kind.isEmpty()) {
            return super.handle(request, response, callback);
        }
        Semaphore classPlaces = places.get(kind.get());
        if (!classPlaces.tryAcquire()) {
            refuse(kind.get(), response, callback);
            return true;
        }
        return ReleasingCallback.handOnHolding(
                callback, classPlaces::release, place -> super.handle(request, response, place));
    }

    /** Requests of {@code kind} in flight now: tests and metrics. */
    int inFlight(RequestClass kind) {
        return bounds.get(kind) - places.get(kind).availablePermits();
    }

    private void refuse(RequestClass kind, Response response, Callback callback) {
        TooManyAnswer.send(
                "this server has " + bounds.get(kind) + " requests of class " + kind.wireName()
                        + " in flight, its limit; retry after " + TooManyAnswer.RETRY_AFTER_SECONDS + " s",
                false,
                response,
                callback);
    }
}
