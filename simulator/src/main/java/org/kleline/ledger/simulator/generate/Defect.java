package org.kleline.ledger.simulator.generate;

/**
 * How a deliberately bad line is broken. Each one is a request that {@code POST /v1/events}
 * must refuse with 400: either the envelope carries the bad value itself, or (for an unknown
 * field) the NDJSON writer adds a field the API does not know.
 */
public enum Defect {
    /** A well-formed line. */
    NONE,
    /** {@code amount} (or a wallet's {@code maxBalance}) of 0: requested amounts are 1..1e12. */
    ZERO_AMOUNT,
    /** An extra field, {@value #UNKNOWN_FIELD_NAME}: unknown JSON fields are refused. */
    UNKNOWN_FIELD,
    /** An eventId with a character outside {@code [A-Za-z0-9._:-]}. */
    INVALID_EVENT_ID,
    /** A currency that is not an ISO 4217 code. */
    UNKNOWN_CURRENCY;

    /** The field the writer adds to a line with {@link #UNKNOWN_FIELD}. */
    public static final String UNKNOWN_FIELD_NAME = "customerIp";

    public boolean isPresent() {
        return this != NONE;
    }
}
