package org.kleline.ledger.query.reads;

import java.util.List;
import java.util.Objects;

/**
 * One currency of one instance's part of the trial balance: the sums of its partitions' parts
 * (credits and debits of every posting, how many postings) and the accounts holding postings in it
 * there. The accounts are named, not counted: one account's postings in a currency may sit in
 * several partitions, on several instances, and the trial balance counts it once.
 *
 * @param accounts the distinct account ids, sorted
 */
public record TrialBalancePart(String currency, long credits, long debits, long postings, List<String> accounts) {

    public TrialBalancePart {
        Objects.requireNonNull(currency, "currency");
        accounts = List.copyOf(accounts);
    }
}
