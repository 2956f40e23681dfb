package org.kleline.ledger.cli.lifecycle;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a process's {@link Services} when the JVM is asked to stop (Ctrl-C, SIGTERM), so the broker
 * closes its logs cleanly and the next start does not recover as after a crash.
 */
public final class ShutdownHook {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ShutdownHook() {}

    public static ShutdownHook install(Services services, PrintWriter out) {
        ShutdownHook hook = new ShutdownHook();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            hook.requested.set(true);
                            out.println("Stopping...");
                            out.flush();
                            try {
                                services.close();
                            } finally {
                                out.println("Stopped.");
                                out.flush();
                                hook.stopped.countDown();
                            }
                        },
                        "ledger-shutdown"));
        return hook;
    }

    /** Whether the stop came from outside (the hook ran), rather than from a failure inside. */
    public boolean requested() {
        return requested.get();
    }

    /** Blocks until the hook has closed everything. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
