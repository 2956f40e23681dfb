package org.kleline.ledger.bench.endtoend;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one load phase measured.
 *
 * @param requests    answers received (expected or not)
 * @param failures    answers that were not what the load expected (status, body), and transport errors
 * @param seconds     from the first send to the last answer
 * @param latency     microseconds, from each request's start time as its load defines it
 * @param sendLagMaxUs the most an open-loop send left after its intended time (0 for a closed loop):
 *                     large values mean the client could not keep the rate
 * @param loadAverage the one-minute load average of the machine at the end of the phase
 */
record LoadResult(
        long requests, long failures, double seconds, Histogram latency, long sendLagMaxUs, double loadAverage) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    double p50Ms() {
        return latency.getValueAtPercentile(50) / 1000.0;
    }

    double p99Ms() {
        return latency.getValueAtPercentile(99) / 1000.0;
    }

    double maxMs() {
        return latency.getMaxValue() / 1000.0;
    }

    String line(String name) {
        return String.format(
                Locale.ROOT,
                "%-34s %,9d req in %5.1f s = %,8.0f req/s  p50 %8.2f ms  p99 %8.2f ms  max %8.1f ms"
                        + "  failures %,d  send lag max %,.1f ms  load %.1f",
                name,
                requests,
                seconds,
                requestsPerSecond(),
                p50Ms(),
                p99Ms(),
                maxMs(),
                failures,
                sendLagMaxUs / 1000.0,
                loadAverage);
    }
}
