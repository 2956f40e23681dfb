package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, recorded from many threads (an HdrHistogram {@link Recorder}), with the
 * count of answers that were not what the load expected. A latency is measured from the request's
 * start time as the load defines it: the intended send time for an open loop, the actual send for a
 * closed one.
 */
final class LatencyRecorder {

    private final Recorder recorder = new Recorder(3);
    private final AtomicLong failures = new AtomicLong();

    void record(long startNs, long endNs) {
        recorder.recordValue(microsBetween(startNs, endNs));
    }

    void failure() {
        failures.incrementAndGet();
    }

    /** Everything recorded since the previous call (or creation). */
    Histogram take() {
        return recorder.getIntervalHistogram();
    }

    long failures() {
        return failures.get();
    }

    /**
     * Sends {@code request} on {@code http}; an answer {@code expected} does not accept, or a transport error, counts
     * as a failure.
     */
    void sendCountingFailure(BlockingHttp http, BenchRequest request, Predicate<Answer> expected)
            throws InterruptedException {
        try {
            if (!expected.test(http.send(request))) {
                failure();
            }
        } catch (IOException e) {
            failure();
        }
    }

    /**
     * What the phase measured: {@code requests} answered from {@code startNs} to {@code lastAnswerNs}, the latencies
     * and failures recorded, and the machine's load now.
     */
    LoadResult result(long requests, long startNs, long lastAnswerNs, long sendLagMaxNs) {
        double seconds = (lastAnswerNs - startNs) / 1e9;
        return new LoadResult(requests, failures(), seconds, take(), sendLagMaxNs / 1_000, LoadAverage.oneMinute());
    }

    static long microsBetween(long startNs, long endNs) {
        if (endNs < startNs) {
            throw new IllegalArgumentException("end " + endNs + " ns is before start " + startNs + " ns");
        }
        return (endNs - startNs) / 1_000;
    }
}
