package org.kleline.ledger.cli.faults;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The moment of a fault in a seeded schedule: so many milliseconds after something was set going (a bulk
 * body sent, a settlement asked for, a process started). Not a wait for a result: the fault strikes then
 * whatever the system is doing.
 */
final class FaultMoment {

    private FaultMoment() {}

    /** Returns {@code ms} milliseconds from now. */
    static void after(long ms) {
        CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS))
                .join();
    }
}
