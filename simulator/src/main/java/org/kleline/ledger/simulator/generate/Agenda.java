package org.kleline.ledger.simulator.generate;

import java.util.PriorityQueue;

/**
 * The actions due later, by time, then by the order they were scheduled in (so equal times keep
 * cause before effect). Everything on it falls within the simulated year: follow-ups that would
 * land after it (a chargeback for a December sale) belong to next year and are dropped, while
 * what completes a transaction is pulled in to the year's last millisecond.
 *
 * <p>It holds only what is pending, a few days of captures and refunds and some weeks of
 * chargebacks, never the year.
 */
final class Agenda {

    private record Entry(long atMs, long order, Action action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>();
    private final long yearEndMs;
    private long scheduled;
    private int sizeMax;

    Agenda(long yearEndMs) {
        this.yearEndMs = yearEndMs;
    }

    /** Schedules {@code action} at {@code atMs}, or drops it when that is after the year. */
    void scheduleWithinYear(long atMs, Action action) {
        if (atMs < yearEndMs) {
            add(atMs, action);
        }
    }

    /** Schedules {@code action} at {@code atMs}, or at the year's last millisecond if later. */
    void scheduleClamped(long atMs, Action action) {
        add(Math.min(atMs, yearEndMs - 1), action);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** When the next action is due; only when not empty. */
    long nextAtMs() {
        return entries.element().atMs();
    }

    /** Removes and returns the next action; only when not empty (read {@link #nextAtMs()} first). */
    Action poll() {
        return entries.remove().action();
    }

    /** The most actions ever pending at once. */
    int sizeMax() {
        return sizeMax;
    }

    private void add(long atMs, Action action) {
        entries.add(new Entry(atMs, scheduled++, action));
        sizeMax = Math.max(sizeMax, entries.size());
    }
}
