package org.kleline.ledger.cli.verify;

/**
 * One currency of {@code GET /v1/trial-balance}, and as recomputed: the sum of every balance
 * ({@code total}, 0 when the ledger is sound), how many accounts hold postings in the currency, the
 * credits and debits of every posting, and how many postings.
 */
record RecomputedTrialBalance(String currency, long total, long accounts, long credits, long debits, long postings) {}
