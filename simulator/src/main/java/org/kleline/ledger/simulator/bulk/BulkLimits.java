package org.kleline.ledger.simulator.bulk;

import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * The most one {@code POST /v1/events} may carry.
 *
 * @param linesMax most NDJSON lines in one body (the bulk API allows 10,000)
 * @param bytesMax most bytes in one body, newlines included (the HTTP server allows 1 MiB)
 */
public record BulkLimits(int linesMax, int bytesMax) {

    public static final int API_LINES_MAX = 10_000;
    public static final int API_BYTES_MAX = 1024 * 1024;

    public BulkLimits {
        if (linesMax < 1 || linesMax > API_LINES_MAX) {
            throw new InvalidFieldException("linesMax", linesMax, "must be 1.." + API_LINES_MAX);
        }
        if (bytesMax < 1 || bytesMax > API_BYTES_MAX) {
            throw new InvalidFieldException("bytesMax", bytesMax, "must be 1.." + API_BYTES_MAX);
        }
    }

    /** The bulk API's own limits: 10,000 lines and 1 MiB. */
    public static BulkLimits api() {
        return new BulkLimits(API_LINES_MAX, API_BYTES_MAX);
    }
}
