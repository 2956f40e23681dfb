package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One statement line: an accepted event's posting on the account. {@code amount} is signed (credit
 * positive); {@code balanceAfter} is the running sum in that currency in (occurredAt, eventId) order.
 */
@JsonPropertyOrder({"eventId", "type", "occurredAt", "currency", "amount", "balanceAfter"})
public record EntryBody(
        String eventId, String type, Instant occurredAt, String currency, long amount, long balanceAfter) {

    public EntryBody {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(currency, "currency");
    }
}
