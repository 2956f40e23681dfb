package org.kleline.ledger.query.reads;

import java.util.List;
import org.kleline.ledger.query.body.BalanceBody;

/**
 * One instance's part of an account's balances.
 *
 * @param balances    per currency found in this instance's partitions (as of the read's instant, if any)
 * @param hasPostings whether the account holds any posting at all in these partitions, whatever the instant
 * @param refusedBeforeMs null, or the history horizon of a partition that could not answer as of the
 *     read's instant, that instant being before it (its history was folded)
 */
public record AccountBalancesPart(List<BalanceBody> balances, boolean hasPostings, Long refusedBeforeMs) {

    public AccountBalancesPart {
        balances = List.copyOf(balances);
    }
}
