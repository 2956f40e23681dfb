package org.kleline.ledger.query.reads;

import java.util.List;
import org.kleline.ledger.query.body.BalanceBody;

/**
 * One instance's part of an account's balances.
 *
 * @param balances    per currency found in this instance's partitions (as of the read's instant, if any)
 * @param hasPostings whether the account holds any posting at all in these partitions, whatever the instant
 */
public record AccountBalancesPart(List<BalanceBody> balances, boolean hasPostings) {

    public AccountBalancesPart {
        balances = List.copyOf(balances);
    }
}
