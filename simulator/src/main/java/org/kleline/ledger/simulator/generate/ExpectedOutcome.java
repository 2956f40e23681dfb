package org.kleline.ledger.simulator.generate;

/**
 * What the ledger will make of a simulated line, known in advance because the generator keeps
 * the same state the rules do.
 */
public enum ExpectedOutcome {
    /** Decided ACCEPTED. */
    ACCEPTED,
    /** Decided REJECTED: a micropayment the wallet cannot cover (INSUFFICIENT_FUNDS), sent on purpose. */
    REJECTED,
    /** A retried request: same eventId under the same key, so DUPLICATE with no effect. */
    DUPLICATE,
    /** A malformed line: the bulk API answers 400 and appends nothing, so it never reaches the log. */
    REFUSED
}
