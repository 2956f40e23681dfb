package org.kleline.ledger.query.reads;

import java.util.Map;
import java.util.TreeMap;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.local.LocalStores;

/**
 * The currencies an account holds postings in, within one partition of the balance stage: the keys
 * {@code account|currency} of the balances store. One account's currencies may sit in different
 * partitions, and one currency's postings too: the key then holds, in each, that partition's part.
 */
final class AccountCurrencies {

    /** Above every character of a currency code: the end of an account's key range. */
    private static final char AFTER_EVERY_CURRENCY = '~';

    private AccountCurrencies() {}

    /** Currency to the account's totals, for the account's keys in {@code partition}. */
    static Map<String, BalanceTotals> in(LocalStores stores, int partition, String account) {
        String first = account + AccountKeys.SEPARATOR;
        String last = first + AFTER_EVERY_CURRENCY;
        Map<String, BalanceTotals> byCurrency = new TreeMap<>();
        stores.<BalanceTotals>range(
                StoreNames.BALANCES,
                partition,
                first,
                last,
                (key, totals) -> byCurrency.put(key.substring(first.length()), totals));
        return byCurrency;
    }
}
