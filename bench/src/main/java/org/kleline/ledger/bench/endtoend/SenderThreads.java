package org.kleline.ledger.bench.endtoend;

import java.util.ArrayList;
import java.util.List;

/** The blocking loads' senders: {@code count} threads, each running its loop until done or interrupted, all joined. */
final class SenderThreads {

    /** One sender's loop; an interruption ends it (the thread keeps its interrupted flag). */
    @FunctionalInterface
    interface Loop {
        void run() throws InterruptedException;
    }

    private SenderThreads() {}

    /** Starts {@code count} threads named {@code name-0}, {@code name-1}... running {@code loop}; returns once all ended. */
    static void runAll(int count, String name, Loop loop) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            Thread sender = new Thread(
                    () -> {
                        try {
                            loop.run();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    name + "-" + t);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
    }
}
