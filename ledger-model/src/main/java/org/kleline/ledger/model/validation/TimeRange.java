package org.kleline.ledger.model.validation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The instants and dates the ledger takes anywhere (docs/api.md, Limits): years 0001 to 9999. An
 * ISO-8601 parser accepts far more ({@code +1000000000-01-01T00:00:00Z} is an {@link Instant}), but
 * such a value overflows the epoch milliseconds of the log and the stores' keys, and no payment of
 * this ledger happened before year 1 or after 9999. A value outside is refused naming its field,
 * before anything converts it.
 */
public final class TimeRange {

    /** The first instant taken. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** The last instant taken (the log keeps milliseconds). */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z");
    /** The first date taken. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    /** The last date taken. */
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private TimeRange() {}

    /** Whether {@code value} lies in the range (inclusive). */
    public static boolean contains(Instant value) {
        return !value.isBefore(EARLIEST_INSTANT) && !value.isAfter(LATEST_INSTANT);
    }

    /** Whether {@code value} lies in the range (inclusive). */
    public static boolean contains(LocalDate value) {
        return !value.isBefore(EARLIEST_DATE) && !value.isAfter(LATEST_DATE);
    }

    /** Whether epoch milliseconds {@code epochMs} lie in the range. */
    public static boolean containsEpochMilli(long epochMs) {
        return epochMs >= EARLIEST_INSTANT.toEpochMilli() && epochMs <= LATEST_INSTANT.toEpochMilli();
    }

    /** {@code value} (null passes), or an {@link InvalidFieldException} naming {@code field}. */
    public static Instant require(String field, Instant value) {
        if (value != null && !contains(value)) {
            throw new InvalidFieldException(field, value, describeInstants());
        }
        return value;
    }

    /** {@code value} (null passes), or an {@link InvalidFieldException} naming {@code field}. */
    public static LocalDate require(String field, LocalDate value) {
        if (value != null && !contains(value)) {
            throw new InvalidFieldException(field, value, describeDates());
        }
        return value;
    }

    /** The requirement, as a refusal states it. */
    public static String describeInstants() {
        return "must be an instant from " + EARLIEST_INSTANT + " to " + LATEST_INSTANT;
    }

    /** The requirement, as a refusal states it. */
    public static String describeDates() {
        return "must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE;
    }
}
