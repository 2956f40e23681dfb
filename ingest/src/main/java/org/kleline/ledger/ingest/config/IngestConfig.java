package org.kleline.ledger.ingest.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What an ingest instance allows.
 *
 * @param importEnabled whether NDJSON lines may carry their own {@code occurredAt} (the admin import);
 *                      without it such a line is a 400, and ingest stamps every event itself
 * @param maxWait       the longest {@code Prefer: wait=N} honoured (docs/api.md: 30 s)
 * @param bulkLinesMax  the most NDJSON lines in one {@code POST /v1/events}
 * @param importWindow  the times an NDJSON line may carry (occurredAt, effectiveFrom)
 * @param pendingWaitsMax the most writes waiting for their outcome at once ({@code Prefer: wait}); past it, 503
 */
public record IngestConfig(
        boolean importEnabled, Duration maxWait, int bulkLinesMax, ImportWindow importWindow, int pendingWaitsMax) {

    public static final Duration WAIT_MAX = Duration.ofSeconds(30);
    public static final int BULK_LINES_MAX = 10_000;
    /** Each wait holds a future and a map entry, no thread: ten thousand is a few megabytes. */
    public static final int PENDING_WAITS_MAX = 10_000;

    public IngestConfig {
        if (maxWait == null || maxWait.isNegative() || maxWait.compareTo(WAIT_MAX) > 0) {
            throw new IllegalArgumentException("maxWait must be 0..30 s, was " + maxWait);
        }
        if (bulkLinesMax < 1 || bulkLinesMax > BULK_LINES_MAX) {
            throw new IllegalArgumentException("bulkLinesMax must be 1.." + BULK_LINES_MAX + ", was " + bulkLinesMax);
        }
        Objects.requireNonNull(importWindow, "importWindow");
        if (pendingWaitsMax < 1) {
            throw new IllegalArgumentException("pendingWaitsMax must be >= 1, was " + pendingWaitsMax);
        }
    }

    public IngestConfig(boolean importEnabled, Duration maxWait, int bulkLinesMax) {
        this(importEnabled, maxWait, bulkLinesMax, ImportWindow.defaults(), PENDING_WAITS_MAX);
    }

    public static IngestConfig defaults() {
        return new IngestConfig(false, WAIT_MAX, BULK_LINES_MAX);
    }

    public IngestConfig withImportEnabled(boolean enabled) {
        return new IngestConfig(enabled, maxWait, bulkLinesMax, importWindow, pendingWaitsMax);
    }

    public IngestConfig withImportWindow(ImportWindow window) {
        return new IngestConfig(importEnabled, maxWait, bulkLinesMax, window, pendingWaitsMax);
    }

    public IngestConfig withPendingWaitsMax(int max) {
        return new IngestConfig(importEnabled, maxWait, bulkLinesMax, importWindow, max);
    }
}
