package org.kleline.ledger.cli.progress;

/** A duration as a person reads it in a summary line: {@code 12.3 s}. */
public final class Elapsed {

    private Elapsed() {}

    public static String seconds(long nanos) {
        long tenths = Math.max(0, nanos) / 100_000_000L;
        return (tenths / 10) + "." + (tenths % 10) + " s";
    }

    /** Since {@code startedNanos}, a {@link System#nanoTime()} reading. */
    public static String since(long startedNanos) {
        return seconds(System.nanoTime() - startedNanos);
    }
}
