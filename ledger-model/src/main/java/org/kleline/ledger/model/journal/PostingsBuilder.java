package org.kleline.ledger.model.journal;

import java.util.Arrays;
import java.util.List;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * Builds the postings of one journal entry: zero amounts are left out, and {@link #build()}
 * refuses an entry that does not sum to zero per currency.
 */
public final class PostingsBuilder {

    /** No rule of docs/domain.md posts more than four lines. */
    public static final int POSTINGS_MAX = 8;

    private final JournalLine[] postings = new JournalLine[POSTINGS_MAX];
    private int size;

    /** Adds a posting of {@code amountMinor} (credit positive) unless it is zero. */
    public PostingsBuilder add(AccountId account, CurrencyCode currency, long amountMinor) {
        if (amountMinor == 0) {
            return this;
        }
        if (size == POSTINGS_MAX) {
            throw new IllegalStateException("a journal entry holds at most " + POSTINGS_MAX + " postings");
        }
        postings[size++] = new JournalLine(account, currency, amountMinor);
        return this;
    }

    /**
     * The postings added, in order.
     *
     * @throws IllegalStateException when they do not sum to zero per currency
     */
    public List<JournalLine> build() {
        return JournalBalance.requireBalanced(immutableCopy());
    }

    /** The fixed-arity {@code List.of} overloads do not copy an array, and entries are small. */
    private List<JournalLine> immutableCopy() {
        JournalLine[] p = postings;
        switch (size) {
            case 0:
                return List.of();
            case 1:
                return List.of(p[0]);
            case 2:
                return List.of(p[0], p[1]);
            case 3:
                return List.of(p[0], p[1], p[2]);
            case 4:
                return List.of(p[0], p[1], p[2], p[3]);
            default:
                return List.of(Arrays.copyOf(p, size));
        }
    }
}
