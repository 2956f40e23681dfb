package org.kleline.ledger.ingest.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.kleline.ledger.model.validation.TimeRange;
import org.kleline.ledger.web.problem.InvalidRequestException;

/**
 * The times an NDJSON line may carry ({@code occurredAt}, and a fee plan change's {@code effectiveFrom}):
 * not before {@code earliest}, not after ingest's clock plus {@code clockSkew}. One line dated 2999 would
 * otherwise become the latest time the views have seen and move the history horizon past everything
 * (docs/operations.md, history retention), and a payment dated before the ledger existed is a typo, not
 * history. The skew leaves room for an exporting machine's clock a little ahead of ingest's.
 *
 * @param earliest  the first instant a line may carry (docs/api.md: 1990-01-01T00:00:00Z by default)
 * @param clockSkew how far past ingest's clock a line's time may lie (5 minutes by default)
 */
public record ImportWindow(Instant earliest, Duration clockSkew) {

    public static final Instant DEFAULT_EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    /** A skew of a day is already a broken clock, not a skew. */
    public static final Duration CLOCK_SKEW_MAX = Duration.ofDays(1);

    public ImportWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (!TimeRange.contains(earliest)) {
            throw new IllegalArgumentException(
                    "the earliest import time " + TimeRange.describeInstants() + ", was " + earliest);
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(CLOCK_SKEW_MAX) > 0) {
            throw new IllegalArgumentException(
                    "the clock skew must be 0.." + CLOCK_SKEW_MAX.toHours() + " hours, was " + clockSkew);
        }
    }

    public static ImportWindow defaults() {
        return new ImportWindow(DEFAULT_EARLIEST, DEFAULT_CLOCK_SKEW);
    }

    /** The latest instant a line may carry when ingest's clock reads {@code now}. */
    public Instant latest(Instant now) {
        return now.plus(clockSkew);
    }

    /** {@code value}, or a 400 naming {@code field} when it lies outside the window at {@code now}. */
    public Instant require(String field, Instant value, Instant now) {
        if (value.isBefore(earliest)) {
            throw new InvalidRequestException(
                    field,
                    field + " must not be before " + earliest + " (the earliest time an import takes), was " + value);
        }
        Instant latest = latest(now);
        if (value.isAfter(latest)) {
            throw new InvalidRequestException(
                    field,
                    field + " must not be after " + latest + " (ingest's clock plus " + clockSkew.toSeconds()
                            + " s), was " + value);
        }
        return value;
    }
}
