package org.kleline.ledger.bench.endtoend;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A constant request rate, open loop, on {@code threads} blocking senders: a free thread takes the next
 * index of the {@link ConstantRateSchedule}, waits for its intended time, sends and reads the answer.
 * When every thread is busy the next request leaves late, and its latency still runs from its intended
 * time, so a server (or client) too slow for the rate shows in the figures instead of lowering the rate.
 */
final class ThreadedOpenLoopLoad implements OpenLoopLoad {

    private final BlockingHttp http;
    private final int threads;

    ThreadedOpenLoopLoad(BlockingHttp http, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.http = http;
        this.threads = threads;
    }

    @Override
    public String name() {
        return http.name() + " on " + threads + " threads";
    }

    @Override
    public LoadResult run(
            int ratePerSecond, int seconds, LongFunction<BenchRequest> requests, Predicate<Answer> expected)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        ConstantRateSchedule schedule = new ConstantRateSchedule(System.nanoTime() + 20_000_000L, ratePerSecond);
        long total = schedule.requestsIn(seconds);
        AtomicLong next = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong sendLagMaxNs = new AtomicLong();
        AtomicLong lastAnswerNs = new AtomicLong();
        SenderThreads.runAll(threads, "open-loop", () -> {
            long i;
            while ((i = next.getAndIncrement()) < total) {
                long intendedNs = schedule.sendTimeNs(i);
                long waitNs;
                while ((waitNs = intendedNs - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(waitNs);
                }
                BenchRequest request = requests.apply(i);
                sendLagMaxNs.accumulateAndGet(System.nanoTime() - intendedNs, Math::max);
                recorder.sendCountingFailure(http, request, expected);
                long now = System.nanoTime();
                recorder.record(intendedNs, now);
                answered.incrementAndGet();
                lastAnswerNs.accumulateAndGet(now, Math::max);
            }
        });
        return recorder.result(answered.get(), schedule.startNs(), lastAnswerNs.get(), sendLagMaxNs.get());
    }
}
