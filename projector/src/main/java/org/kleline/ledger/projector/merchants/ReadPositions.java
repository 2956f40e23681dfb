package org.kleline.ledger.projector.merchants;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * For each partition of ledger.events, how far the merchant directory has read and applied it (the
 * offset of the next record it will read, read_committed), and its end offset when the reader
 * started. A decide task that needs a merchant below a bound waits here until the merchant's
 * partition is read up to that bound: offsets only, so no clock and no read speed enters an outcome.
 */
final class ReadPositions {

    /** A start end offset not asked yet. */
    public static final long UNKNOWN = -1L;

    private final long[] readTo;
    private final long[] startEnds;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();

    public ReadPositions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.readTo = new long[partitions];
        this.startEnds = new long[partitions];
        Arrays.fill(startEnds, UNKNOWN);
    }

    public int partitions() {
        return readTo.length;
    }

    /** Every record of {@code partition} below {@code position} has been applied; never lowers it. */
    public void advance(int partition, long position) {
        lock.lock();
        try {
            if (position > readTo[partition]) {
                readTo[partition] = position;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The end offset of {@code partition} when the reader started (the high watermark); set once. */
    public void startEndAt(int partition, long end) {
        lock.lock();
        try {
            if (startEnds[partition] == UNKNOWN) {
                startEnds[partition] = end;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public long readTo(int partition) {
        lock.lock();
        try {
            return readTo[partition];
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code partition} is read up to {@code bound}, at most {@code timeoutMs}.
     *
     * @return true when it is, false on timeout
     */
    public boolean awaitReadTo(int partition, long bound, long timeoutMs) throws InterruptedException {
        long remainingNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (readTo[partition] < bound) {
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
     * Waits until every partition is read up to the first end offsets asked (the log as it was when
     * the reader started), at most {@code timeoutMs} in all.
     *
     * @return true when they are, false on timeout
     */
    public boolean awaitStartEnds(long timeoutMs) throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (!startEndsRead()) {
                long remainingNs = deadlineNs - System.nanoTime();
                if (remainingNs <= 0) {
                    return false;
                }
                advanced.awaitNanos(remainingNs);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private boolean startEndsRead() {
        for (int p = 0; p < readTo.length; p++) {
            if (startEnds[p] == UNKNOWN || readTo[p] < startEnds[p]) {
                return false;
            }
        }
        return true;
    }
}
