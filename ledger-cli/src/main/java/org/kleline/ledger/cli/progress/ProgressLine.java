package org.kleline.ledger.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on standard error. On a terminal, one line redrawn in place with
 * {@code \r} (at most ten times a second); otherwise (a log file, a CI job) a whole line every few
 * seconds, so the log stays readable. {@link #finish} always prints its line.
 */
public final class ProgressLine {

    static final Duration REDRAW_EVERY = Duration.ofMillis(100);
    static final Duration LINE_EVERY = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long everyNanos;
    private long lastShownNanos;
    private boolean shownOnce;
    private int drawnWidth;

    public ProgressLine(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.everyNanos = (terminal ? REDRAW_EVERY : LINE_EVERY).toNanos();
    }

    /** On the process's stderr writer, a bar when stderr is a terminal. */
    public static ProgressLine onStderr(PrintWriter err) {
        return new ProgressLine(err, Terminal.stderrIsTerminal(), System::nanoTime);
    }

    /** Shows {@code text} unless the last one was shown too recently. */
    public void update(String text) {
        long now = nanoTime.getAsLong();
        if (shownOnce && now - lastShownNanos < everyNanos) {
            return;
        }
        shownOnce = true;
        lastShownNanos = now;
        if (terminal) {
            redraw(text);
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Shows {@code text} as the last line, ending the redrawn one. */
    public void finish(String text) {
        if (terminal) {
            redraw(text);
            err.println();
            drawnWidth = 0;
        } else {
            err.println(text);
        }
        err.flush();
        shownOnce = false;
    }

    /**
     * Ends the progress without a last line of its own, when the command's output says the same: on a
     * terminal the redrawn line is erased; a log keeps the lines it has.
     */
    public void clear() {
        if (terminal && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
        }
        drawnWidth = 0;
        shownOnce = false;
    }

    private void redraw(String text) {
        StringBuilder line = new StringBuilder(Math.max(text.length(), drawnWidth) + 1)
                .append('\r')
                .append(text);
        for (int i = text.length(); i < drawnWidth; i++) {
            line.append(' ');
        }
        drawnWidth = text.length();
        err.print(line);
    }

    /** {@code done} per second over {@code elapsedNanos}, in whole units: 0 before any time passed. */
    public static long perSecond(long done, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return 0;
        }
        return done * 1_000L / Math.max(1, elapsedNanos / 1_000_000L);
    }

    /** {@code [#####-----]} of {@code width} cells for {@code done} of {@code total}. */
    public static String bar(long done, long total, int width) {
        long filled = total <= 0 ? width : Math.min(width, done * width / total);
        StringBuilder bar = new StringBuilder(width + 2).append('[');
        for (int i = 0; i < width; i++) {
            bar.append(i < filled ? '#' : '-');
        }
        return bar.append(']').toString();
    }

    /** Whole percent of {@code done} in {@code total}, 100 for an empty total. */
    public static long percent(long done, long total) {
        return total <= 0 ? 100 : done * 100 / total;
    }
}
