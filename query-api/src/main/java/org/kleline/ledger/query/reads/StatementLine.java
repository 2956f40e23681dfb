package org.kleline.ledger.query.reads;

import java.time.Instant;
import java.util.Objects;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.statement.StatementCursor;

/**
 * One line of an account's statement as an instance reads it, with its running balance in its
 * currency. {@code amount} is signed, credit positive; all amounts in minor units.
 */
public record StatementLine(String currency, String eventId, String type, long occurredAtMs, long amount,
                            long balanceAfter) {

    public StatementLine {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }

    public EntryBody toBody() {
        return new EntryBody(eventId, type, Instant.ofEpochMilli(occurredAtMs), currency, amount, balanceAfter);
    }

    /** The position right after this line. */
    public StatementCursor position() {
        return new StatementCursor(currency, occurredAtMs, eventId);
    }
}
