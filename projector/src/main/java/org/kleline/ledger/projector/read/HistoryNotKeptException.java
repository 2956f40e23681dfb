package org.kleline.ledger.projector.read;

import java.time.Instant;

/** A balance asked as of an instant before the history horizon: that history was folded away. */
public final class HistoryNotKeptException extends RuntimeException {

    private final long keptFromMs;

    public HistoryNotKeptException(long askedMs, long keptFromMs) {
        super("balances are kept as of " + Instant.ofEpochMilli(keptFromMs) + " or later (" + HistoryRetention.CONFIG
                + "), not as of " + Instant.ofEpochMilli(askedMs));
        this.keptFromMs = keptFromMs;
    }

    public long keptFromMs() {
        return keptFromMs;
    }
}
