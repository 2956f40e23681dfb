package org.kleline.ledger.bench.endtoend;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * As fast as the server answers: {@code connections} threads, each sending its next request as soon as
 * the previous one is answered, for a fixed time. Latency runs from each actual send.
 */
final class ClosedLoopLoad {

    private final BlockingHttp http;

    ClosedLoopLoad(BlockingHttp http) {
        this.http = http;
    }

    LoadResult run(int connections, int seconds, LongFunction<BenchRequest> requests, Predicate<Answer> expected)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        AtomicLong next = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        long startNs = System.nanoTime();
        long endNs = startNs + seconds * 1_000_000_000L;
        SenderThreads.runAll(connections, "closed-loop", () -> {
            while (System.nanoTime() < endNs) {
                BenchRequest request = requests.apply(next.getAndIncrement());
                long sentNs = System.nanoTime();
                recorder.sendCountingFailure(http, request, expected);
                recorder.record(sentNs, System.nanoTime());
                answered.incrementAndGet();
            }
        });
        return recorder.result(answered.get(), startNs, System.nanoTime(), 0);
    }
}
