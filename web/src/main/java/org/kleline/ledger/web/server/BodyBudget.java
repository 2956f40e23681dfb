package org.kleline.ledger.web.server;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The bytes of request bodies a server holds at once, bounded. Bodies are gathered whole before a request is
 * admitted ({@link LedgerHttpServer}), each up to the request size limit, so without a bound a crowd of
 * connections sending large bodies could hold connections × that limit of heap. Before its body is gathered, a
 * request reserves what it may hold (its {@code Content-Length}, or the size limit when the length is not
 * told) until its answer completes; a request that does not fit is answered at once 429 with
 * {@code Retry-After}, its connection closed since its body stays unread. A request without a body reserves
 * nothing and is never refused here.
 */
final class BodyBudget extends Handler.Wrapper {

    /** The share of the heap bodies in flight may take by default: a quarter. */
    static final int HEAP_SHARE_DIVISOR = 4;

    private final long budgetBytes;
    private final long requestBytesMax;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long budgetBytes, long requestBytesMax) {
        if (budgetBytes < requestBytesMax) {
            throw new IllegalArgumentException(
                    "a body budget of " + budgetBytes + " bytes cannot hold one request of " + requestBytesMax);
        }
        this.budgetBytes = budgetBytes;
        this.requestBytesMax = requestBytesMax;
    }

    /**
     * A quarter of this JVM's maximum heap, and no more than every connection's largest body: the bound the
     * server runs with.
     */
    static BodyBudget ofHeap(long requestBytesMax, int connections) {
        long heapShare = Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR;
        long everyConnection = requestBytesMax * connections;
        return new BodyBudget(Math.max(requestBytesMax, Math.min(heapShare, everyConnection)), requestBytesMax);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long bytes = reservation(
                request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH),
                request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
        if (bytes == 0) {
            return super.handle(request, response, callback);
        }
        if (!tryReserve(bytes)) {
            TooManyAnswer.send(
                    "this server holds " + budgetBytes + " bytes of request bodies at most and has no room for " + bytes
                            + " more; retry after " + TooManyAnswer.RETRY_AFTER_SECONDS + " s",
                    true,
                    response,
                    callback);
            return true;
        }
        return ReleasingCallback.handOnHolding(
                callback, () -> release(bytes), reserved -> super.handle(request, response, reserved));
    }

    /**
     * What a request reserves: its told length up to the size limit (a longer one is refused with 413 by the
     * gathering, holding no more than the limit), the limit when the body is chunked, nothing without a body.
     *
     * @param contentLength the {@code Content-Length}, or -1 when absent
     */
    long reservation(long contentLength, boolean chunked) {
        if (contentLength > 0) {
            return Math.min(contentLength, requestBytesMax);
        }
        return chunked ? requestBytesMax : 0;
    }

    /** Takes {@code bytes} of the budget when they fit. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > budgetBytes) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Gives back {@code bytes} a request reserved. */
    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** Bytes held now: tests. */
    long held() {
        return held.get();
    }

    long budgetBytes() {
        return budgetBytes;
    }
}
