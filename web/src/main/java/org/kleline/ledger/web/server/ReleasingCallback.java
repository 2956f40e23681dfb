package org.kleline.ledger.web.server;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.Callback;

/**
 * What a handler holds for a request (a place in flight, bytes of the body budget), given back once, whichever
 * way the request ends: when its answer completes or fails, or at once when the request was not handled or
 * its handler threw.
 */
final class ReleasingCallback implements Callback {

    private final Callback callback;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    ReleasingCallback(Callback callback, Runnable release) {
        this.callback = callback;
        this.release = release;
    }

    /** How a handler hands a request on to the next: {@code Handler.Wrapper}'s {@code super.handle}. */
    @FunctionalInterface
    interface HandOn {
        boolean handle(Callback callback) throws Exception;
    }

    /**
     * Hands the request on holding what {@code release} gives back: once its answer completes or fails, or
     * at once when the next handler does not handle it or throws.
     */
    static boolean handOnHolding(Callback callback, Runnable release, HandOn next) throws Exception {
        ReleasingCallback holding = new ReleasingCallback(callback, release);
        boolean handled;
        try {
            handled = next.handle(holding);
        } catch (Exception | Error e) {
            holding.release();
            throw e;
        }
        if (!handled) {
            // Jetty answers an unhandled request with the callback it gave us, not ours.
            holding.release();
        }
        return handled;
    }

    /** Gives back what was held, if not already. */
    void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

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
}
