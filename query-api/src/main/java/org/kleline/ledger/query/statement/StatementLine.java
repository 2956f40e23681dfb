package org.kleline.ledger.query.statement;

import java.time.Instant;
import java.util.Objects;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;

/**
 * One line of an account's statement as a partition holds it: {@code amount} is signed, credit
 * positive, in minor units. The balance after it is only known once every partition's part is in
 * (the openings of each {@code reads.StatementPart}), so it is given when the line is shown
 * ({@link #toBody}).
 */
public record StatementLine(String currency, String eventId, String type, long occurredAtMs, long amount) {

    public StatementLine {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }

    /** Whether {@code other} is the same line, (currency, occurredAt, eventId), held in another partition. */
    public boolean samePosition(StatementLine other) {
        return currency.equals(other.currency) && occurredAtMs == other.occurredAtMs && eventId.equals(other.eventId);
    }

    /** This line with {@code other}'s amount added: one line of one event, its postings held in two partitions. */
    public StatementLine plus(StatementLine other) {
        if (!samePosition(other)) {
            throw new IllegalArgumentException("lines " + this + " and " + other + " are not at the same position");
        }
        return new StatementLine(
                currency,
                eventId,
                type,
                occurredAtMs,
                FigureOutOfRangeException.add(
                        amount, other.amount, "the line of event " + eventId + " in " + currency));
    }

    public EntryBody toBody(long balanceAfter) {
        return new EntryBody(eventId, type, Instant.ofEpochMilli(occurredAtMs), currency, amount, balanceAfter);
    }

    /** The position right after this line. */
    public StatementCursor position() {
        return new StatementCursor(currency, occurredAtMs, eventId);
    }
}
