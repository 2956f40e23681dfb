package org.kleline.ledger.bench.endtoend;

import java.util.concurrent.atomic.AtomicLong;
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

    static long microsBetween(long startNs, long endNs) {
        if (endNs < startNs) {
            throw new IllegalArgumentException("end " + endNs + " ns is before start " + startNs + " ns");
        }
        return (endNs - startNs) / 1_000;
    }
}
