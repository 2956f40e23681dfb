package org.kleline.ledger.projector.read;

import java.time.Duration;
import java.util.Map;

/**
 * How far back balances as of a past instant and statement lines are kept
 * ({@value #CONFIG}, in milliseconds; absent: for ever). Time here is the ledger's own, the
 * events' occurredAt: the horizon is the latest occurredAt a balance partition has seen, less the
 * retention, rounded down to a whole UTC hour. Before it, a partition's hour sums are folded into
 * one opening sum per account and its statement lines are dropped; balances now are never touched.
 *
 * @param kept the retention, or null for ever
 */
public record HistoryRetention(Duration kept) {

    public static final String CONFIG = "ledger.history.retention.ms";
    /** Shorter than an hour would fold the hour that holds the newest lines. */
    public static final Duration MINIMUM = Duration.ofHours(1);

    public static final HistoryRetention FOREVER = new HistoryRetention(null);

    public HistoryRetention {
        if (kept != null && kept.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("the history retention (" + CONFIG + ", --history-retention) must be "
                    + "at least one hour, got " + kept + " (" + kept.toMillis() + " ms)");
        }
    }

    /** Reads {@value #CONFIG} from a Streams or projector configuration; absent or blank is for ever. */
    public static HistoryRetention from(Map<?, ?> config) {
        Object raw = config.get(CONFIG);
        if (raw == null || raw.toString().isBlank()) {
            return FOREVER;
        }
        try {
            return new HistoryRetention(
                    Duration.ofMillis(Long.parseLong(raw.toString().trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CONFIG + " is not a number of milliseconds: '" + raw + "'", e);
        }
    }

    public boolean forever() {
        return kept == null;
    }

    /** The first instant still kept when the latest occurredAt seen is {@code latestMs}: an hour start. */
    public long horizonFor(long latestMs) {
        if (forever() || latestMs < Long.MIN_VALUE + kept.toMillis() + AccountKeys.HOUR_MS) {
            return Long.MIN_VALUE;
        }
        return AccountKeys.hourStart(latestMs - kept.toMillis());
    }
}
