package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < endNs) {
                            BenchRequest request = requests.apply(next.getAndIncrement());
                            long sentNs = System.nanoTime();
                            try {
                                if (!expected.test(http.send(request))) {
                                    recorder.failure();
                                }
                            } catch (IOException e) {
                                recorder.failure();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            recorder.record(sentNs, System.nanoTime());
                            answered.incrementAndGet();
                        }
                    },
                    "closed-loop-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - startNs) / 1e9;
        return new LoadResult(
                answered.get(), recorder.failures(), elapsed, recorder.take(), 0, LoadAverage.oneMinute());
    }
}
