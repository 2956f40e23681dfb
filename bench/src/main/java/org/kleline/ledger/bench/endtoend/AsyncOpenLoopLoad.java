package org.kleline.ledger.bench.endtoend;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A constant request rate, open loop, from one sending thread with {@link HttpClient#sendAsync}:
 * request {@code i} goes at its {@link ConstantRateSchedule} time whether or not earlier ones were
 * answered, and its latency runs from that intended time to the answer. A request sent late (the
 * sender was descheduled, or {@link #IN_FLIGHT_MAX} were in flight) is charged for its wait.
 */
final class AsyncOpenLoopLoad implements OpenLoopLoad {

    /** Past this many unanswered requests the sender waits (and the wait counts in their latency). */
    static final int IN_FLIGHT_MAX = 2_000;

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;

    AsyncOpenLoopLoad(HttpClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "java.net.http sendAsync";
    }

    @Override
    public LoadResult run(
            int ratePerSecond, int seconds, LongFunction<BenchRequest> requests, Predicate<Answer> expected)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        AtomicLong answered = new AtomicLong();
        AtomicLong lastAnswerNs = new AtomicLong();
        long sendLagMaxNs = 0;
        ConstantRateSchedule schedule = new ConstantRateSchedule(System.nanoTime() + 20_000_000L, ratePerSecond);
        long total = schedule.requestsIn(seconds);
        for (long i = 0; i < total; i++) {
            long intendedNs = schedule.sendTimeNs(i);
            long waitNs;
            while ((waitNs = intendedNs - System.nanoTime()) > 0) {
                LockSupport.parkNanos(waitNs);
            }
            BenchRequest request = requests.apply(i);
            inFlight.acquire();
            sendLagMaxNs = Math.max(sendLagMaxNs, System.nanoTime() - intendedNs);
            client.sendAsync(request.toHttpRequest(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        recorder.record(intendedNs, now);
                        if (error != null || !expected.test(new Answer(response.statusCode(), response.body()))) {
                            recorder.failure();
                        }
                        answered.incrementAndGet();
                        lastAnswerNs.accumulateAndGet(now, Math::max);
                        inFlight.release();
                    });
        }
        if (!inFlight.tryAcquire(IN_FLIGHT_MAX, DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException((IN_FLIGHT_MAX - inFlight.availablePermits())
                    + " requests still unanswered " + DRAIN_TIMEOUT.toSeconds() + " s after the last send");
        }
        return recorder.result(answered.get(), schedule.startNs(), lastAnswerNs.get(), sendLagMaxNs);
    }
}
