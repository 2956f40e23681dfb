package org.kleline.ledger.ingest.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.kleline.ledger.web.problem.InvalidRequestException;

/** Presence checks for request fields: a missing field is a 400 naming it. */
final class Fields {

    private Fields() {}

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value;
    }

    /** The event log keeps milliseconds; a finer time would not survive the round trip, so it is cut here. */
    static Instant millis(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }
}
