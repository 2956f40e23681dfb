package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A bounded wait on something only polling can observe. The query API pushes nothing (no outcome
 * stream, no view version to wait on), so verify asks it again after a short pause, until the answer
 * is the one it waits for or the deadline passes; a pause never runs past the deadline.
 */
final class PollDeadline {

    private final long startedNanos;
    private final long deadlineNanos;
    private final Duration pause;

    private PollDeadline(Duration max, Duration pause) {
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(pause, "pause");
        if (max.isNegative() || pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException(
                    "a poll needs max >= 0 and pause > 0, was max " + max + ", pause " + pause);
        }
        this.startedNanos = System.nanoTime();
        this.deadlineNanos = startedNanos + max.toNanos();
        this.pause = pause;
    }

    /** A wait of at most {@code max} from now, polling every {@code pause}. */
    static PollDeadline within(Duration max, Duration pause) {
        return new PollDeadline(max, pause);
    }

    /**
     * Waits one pause before the next poll, cut short at the deadline. Returns false at once, without
     * waiting, when the deadline has passed: the caller stops polling.
     */
    boolean pauseBeforeNextPoll() {
        long leftNanos = deadlineNanos - System.nanoTime();
        if (leftNanos <= 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(leftNanos, pause.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted while waiting to ask the query API again", e);
        }
        return true;
    }

    /** Whole seconds since the wait began. */
    long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }
}
