package org.kleline.ledger.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemType;

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

    /** What a refused client waits before trying again. */
    static final String RETRY_AFTER_SECONDS = "1";

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
        Place place = new Place(classPlaces);
        boolean handled;
        try {
            handled = super.handle(request, response, place.releasingOnCompletion(callback));
        } catch (Exception | Error e) {
            place.release();
            throw e;
        }
        if (!handled) {
            // Jetty answers an unhandled request with the callback it gave us, not ours.
            place.release();
        }
        return handled;
    }

    /** Requests of {@code kind} in flight now: tests and metrics. */
    int inFlight(RequestClass kind) {
        return bounds.get(kind) - places.get(kind).availablePermits();
    }

    private void refuse(RequestClass kind, Response response, Callback callback) {
        response.setStatus(ProblemType.TOO_MANY_REQUESTS.status());
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(kind)), callback);
    }

    private byte[] body(RequestClass kind) {
        Problem problem = Problem.of(
                ProblemType.TOO_MANY_REQUESTS,
                "this server has " + bounds.get(kind) + " requests of class " + kind.wireName()
                        + " in flight, its limit; retry after " + RETRY_AFTER_SECONDS + " s");
        try {
            return LedgerJson.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize problem " + problem, e);
        }
    }

    /** One admitted request's place, given back once whichever way the request ends. */
    private static final class Place {

        private final Semaphore places;
        private final AtomicBoolean released = new AtomicBoolean();

        Place(Semaphore places) {
            this.places = places;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        }

        Callback releasingOnCompletion(Callback callback) {
            return new Callback() {
                @Override
                public void succeeded() {
                    release();
                    callback.succeeded();
                }

                @Override
                public void failed(Throwable failure) {
                    release();
                    callback.failed(failure);
                }

                @Override
                public InvocationType getInvocationType() {
                    return callback.getInvocationType();
                }
            };
        }
    }
}
