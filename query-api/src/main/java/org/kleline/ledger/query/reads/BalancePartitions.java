package org.kleline.ledger.query.reads;

import java.util.Map;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.query.local.LocalStores;

/**
 * What the account reads need of one partition of the balance views: the account's currencies there
 * with their totals, and the partition's history. An instance's {@link LocalStores} answer it; the
 * reads' arithmetic over several partitions is checked against stores built by hand.
 */
interface BalancePartitions {

    /** Currency to the account's totals in {@code partition} (the keys {@code account|currency} of the balances store). */
    Map<String, BalanceTotals> currencies(int partition, String account);

    AccountHistory history(int partition);

    static BalancePartitions of(LocalStores stores) {
        return new BalancePartitions() {
            @Override
            public Map<String, BalanceTotals> currencies(int partition, String account) {
                return AccountCurrencies.in(stores, partition, account);
            }

            @Override
            public AccountHistory history(int partition) {
                return stores.history(partition);
            }
        };
    }
}
