package org.kleline.ledger.query.reads;

import java.util.Objects;

/**
 * One currency of one instance's part of the trial balance: the sums of its partitions' parts
 * (credits and debits of every posting, how many postings) and how many accounts hold postings in it.
 */
public record TrialBalancePart(String currency, long credits, long debits, long postings, long accounts) {

    public TrialBalancePart {
        Objects.requireNonNull(currency, "currency");
    }
}
