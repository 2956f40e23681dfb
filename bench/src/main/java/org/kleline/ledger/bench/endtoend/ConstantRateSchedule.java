package org.kleline.ledger.bench.endtoend;

/**
 * When each request of an open-loop load is meant to be sent: request {@code i} at
 * {@code startNs + i * 1e9 / ratePerSecond}, whatever happened to the requests before it. Latency
 * counted from these times includes the wait of a request the server (or the client) was too busy to
 * send on time, so coordinated omission is not hidden.
 */
record ConstantRateSchedule(long startNs, int ratePerSecond) {

    ConstantRateSchedule {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be >= 1, was " + ratePerSecond);
        }
    }

    /** The intended send time of request {@code index} (0-based), in {@link System#nanoTime()} terms. */
    long sendTimeNs(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        // Multiply before dividing: a rounded period would drift by up to index ns.
        return startNs + Math.multiplyExact(index, 1_000_000_000L) / ratePerSecond;
    }

    /** How many requests fall in {@code seconds} at this rate. */
    long requestsIn(int seconds) {
        return (long) ratePerSecond * seconds;
    }
}
