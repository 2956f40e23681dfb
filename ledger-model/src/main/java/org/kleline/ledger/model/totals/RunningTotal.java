package org.kleline.ledger.model.totals;

/**
 * One running total of postings: the sum of the credits (positive amounts), the sum of the debits
 * (negative amounts, as a positive figure) and how many postings. Its balance is
 * {@code credits - debits}, which never overflows while both are in range. The projector keeps such a
 * total per account and currency, per account, currency and hour, and per currency (the trial
 * balance), each once per partition of the log; {@code LedgerReplay} keeps the same parts.
 *
 * @param credits  sum of the positive amounts, >= 0
 * @param debits   sum of the magnitudes of the negative amounts, >= 0
 * @param postings how many postings were added, >= 0
 */
public record RunningTotal(long credits, long debits, long postings) {

    public static final RunningTotal ZERO = new RunningTotal(0L, 0L, 0L);

    public RunningTotal {
        if (credits < 0 || debits < 0 || postings < 0) {
            throw new IllegalArgumentException("a running total's figures are >= 0: credits " + credits + ", debits "
                    + debits + ", postings " + postings);
        }
    }

    /**
     * This total with one posting of {@code amountMinor} added (a credit when > 0, a debit otherwise),
     * or {@code null} when a figure would pass {@link Long#MAX_VALUE}.
     */
    public RunningTotal plusOrNull(long amountMinor) {
        if (amountMinor == Long.MIN_VALUE || postings == Long.MAX_VALUE) {
            return null;
        }
        if (amountMinor >= 0) {
            return amountMinor > Long.MAX_VALUE - credits
                    ? null
                    : new RunningTotal(credits + amountMinor, debits, postings + 1);
        }
        return -amountMinor > Long.MAX_VALUE - debits
                ? null
                : new RunningTotal(credits, debits - amountMinor, postings + 1);
    }

    /** This total with {@code other} added, or {@code null} when a figure would pass {@link Long#MAX_VALUE}. */
    public RunningTotal plusOrNull(RunningTotal other) {
        if (other.credits > Long.MAX_VALUE - credits
                || other.debits > Long.MAX_VALUE - debits
                || other.postings > Long.MAX_VALUE - postings) {
            return null;
        }
        return new RunningTotal(credits + other.credits, debits + other.debits, postings + other.postings);
    }

    /** {@code credits - debits}: in range whenever both are. */
    public long balance() {
        return credits - debits;
    }
}
