package org.kleline.ledger.cli.run;

import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The most live threads of this JVM, and of the HTTP server's pool ({@code ledger-http}), sampled every 100 ms. */
final class ThreadPeaks {

    private final ScheduledExecutorService sampler;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger http = new AtomicInteger();

    private ThreadPeaks(ThreadMXBean threads) {
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "thread-peaks");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(
                () -> {
                    live.accumulateAndGet(threads.getThreadCount(), Math::max);
                    int pool = (int) Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("ledger-http"))
                            .count();
                    http.accumulateAndGet(pool, Math::max);
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
    }

    static ThreadPeaks start(ThreadMXBean threads) {
        return new ThreadPeaks(threads);
    }

    void stop() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }

    int liveThreads() {
        return live.get();
    }

    int httpThreads() {
        return http.get();
    }
}
