package org.kleline.ledger.web.health;

/**
 * Whether a process can take traffic now: {@link #UP}, or a word saying what is missing
 * ({@code RESTORING}, {@code KEYS_UNAVAILABLE}...), as {@code GET /health/ready} answers it.
 */
@FunctionalInterface
public interface Readiness {

    String UP = "UP";

    /** {@link #UP} when ready; otherwise what is missing, upper-case with underscores. */
    String status();
}
