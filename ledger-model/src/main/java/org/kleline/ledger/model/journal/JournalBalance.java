package org.kleline.ledger.model.journal;

import java.util.List;

/**
 * The double-entry invariant: a journal entry's postings sum to zero in each currency.
 * Checked where an entry is built ({@link PostingsBuilder}) and again where it is applied.
 */
public final class JournalBalance {

    private JournalBalance() {}

    /**
     * Returns {@code postings} when they sum to zero per currency.
     *
     * @throws IllegalStateException naming the currency and its sum otherwise: an unbalanced
     *                               entry is a bug in a rule, never bad input
     */
    public static List<JournalLine> requireBalanced(List<JournalLine> postings) {
        int size = postings.size();
        for (int i = 0; i < size; i++) {
            var currency = postings.get(i).currency();
            if (isFirstOfCurrency(postings, i)) {
                long sum = 0;
                for (int j = i; j < size; j++) {
                    JournalLine posting = postings.get(j);
                    if (posting.currency().equals(currency)) {
                        sum = Math.addExact(sum, posting.amountMinor());
                    }
                }
                if (sum != 0) {
                    throw new IllegalStateException(
                            "journal entry does not balance in " + currency + ": sum " + sum + " of " + postings);
                }
            }
        }
        return postings;
    }

    /** Entries hold a handful of postings, so a quadratic scan beats allocating a map. */
    private static boolean isFirstOfCurrency(List<JournalLine> postings, int index) {
        var currency = postings.get(index).currency();
        for (int i = 0; i < index; i++) {
            if (postings.get(i).currency().equals(currency)) {
                return false;
            }
        }
        return true;
    }
}
