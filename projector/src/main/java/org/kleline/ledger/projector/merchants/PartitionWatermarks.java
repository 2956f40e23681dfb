package org.kleline.ledger.projector.merchants;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * For each partition of ledger.events, the time through which the merchant directory has read it
 * completely: every event of that partition with occurredAt at or before it has been applied.
 * A decide task that needs a merchant as of t waits here until the merchant's partition is
 * complete through t, so what it sees does not depend on how fast each partition was read.
 */
public final class PartitionWatermarks {

    /** Before anything was read a partition is complete through no time at all. */
    public static final long NOTHING = Long.MIN_VALUE;

    private final long[] completeThroughMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();

    public PartitionWatermarks(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.completeThroughMs = new long[partitions];
        Arrays.fill(completeThroughMs, NOTHING);
    }

    public int partitions() {
        return completeThroughMs.length;
    }

    /** Raises partition {@code p}'s watermark to {@code throughMs}; never lowers it. */
    public void advance(int partition, long throughMs) {
        lock.lock();
        try {
            if (throughMs > completeThroughMs[partition]) {
                completeThroughMs[partition] = throughMs;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public long completeThrough(int partition) {
        lock.lock();
        try {
            return completeThroughMs[partition];
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until partition {@code p} is complete through {@code atMs}, at most {@code timeoutMs}.
     *
     * @return true when it is, false on timeout
     */
    public boolean awaitThrough(int partition, long atMs, long timeoutMs) throws InterruptedException {
        long remainingNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (completeThroughMs[partition] < atMs) {
                if (remainingNs <= 0) {
                    return false;
                }
                remainingNs = advanced.awaitNanos(remainingNs);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every partition is complete through {@code atMs}, at most {@code timeoutMs} in all.
     *
     * @return true when they are, false on timeout
     */
    public boolean awaitAllThrough(long atMs, long timeoutMs) throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (int partition = 0; partition < completeThroughMs.length; partition++) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (!awaitThrough(partition, atMs, Math.max(0, leftMs))) {
                return false;
            }
        }
        return true;
    }

    /** A watermark for a message: its instant, or "nothing yet". */
    static String describe(long throughMs) {
        return throughMs == NOTHING ? "nothing yet" : java.time.Instant.ofEpochMilli(throughMs).toString();
    }
}
