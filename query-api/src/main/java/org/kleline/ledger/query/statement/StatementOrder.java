package org.kleline.ledger.query.statement;

import java.util.Comparator;

/** The order of a statement: occurredAt, then eventId, then currency (only ever a tie-break of a reused id). */
public final class StatementOrder {

    public static final Comparator<StatementLine> LINES =
            (a, b) -> compare(a.occurredAtMs(), a.eventId(), a.currency(), b.occurredAtMs(), b.eventId(), b.currency());

    private StatementOrder() {}

    static int compare(long t1, String e1, String c1, long t2, String e2, String c2) {
        int byTime = Long.compare(t1, t2);
        if (byTime != 0) {
            return byTime;
        }
        int byEvent = e1.compareTo(e2);
        return byEvent != 0 ? byEvent : c1.compareTo(c2);
    }
}
