package org.kleline.ledger.cli.run;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * An open-loop schedule: request {@code i} leaves at {@code i / rate} seconds whatever the answers so far,
 * sent asynchronously, so a server slower than the rate faces a growing number of requests in flight
 * instead of a client that slows down with it (as bench's {@code ThreadedOpenLoopLoad} does on blocking
 * threads; this one keeps no thread per request, for a test on two cores).
 */
final class OpenLoop {

    /** One request sent: its index and its answer to come. */
    record Sent(long index, long sentNanos, CompletableFuture<HttpResponse<String>> answer) {}

    private OpenLoop() {}

    /** Sends {@code count} requests at {@code ratePerSecond}; returns once the last has left. */
    static List<Sent> run(int ratePerSecond, long count, LongFunction<CompletableFuture<HttpResponse<String>>> send)
            throws InterruptedException {
        List<Sent> sent = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "open-loop");
            thread.setDaemon(true);
            return thread;
        });
        long periodNanos = 1_000_000_000L / ratePerSecond;
        long[] next = {0};
        CompletableFuture<Void> done = new CompletableFuture<>();
        clock.scheduleAtFixedRate(
                () -> {
                    if (next[0] >= count) {
                        done.complete(null);
                        return;
                    }
                    long i = next[0]++;
                    CompletableFuture<HttpResponse<String>> answer;
                    try {
                        answer = send.apply(i);
                    } catch (RuntimeException e) {
                        answer = CompletableFuture.failedFuture(e);
                    }
                    synchronized (sent) {
                        sent.add(new Sent(i, System.nanoTime(), answer));
                    }
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        try {
            done.join();
        } finally {
            clock.shutdownNow();
            clock.awaitTermination(5, TimeUnit.SECONDS);
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }
}
