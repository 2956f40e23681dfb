package org.kleline.ledger.projector.views;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.BalanceTotalsMath;

/**
 * The totals stores of the balance views (balances, balance-hours, trial-balance) keep one part of
 * a key per partition whose events posted to it ({@link AccountPostings}); the whole is their sum.
 * Reading such a store across local partitions returns a key once per partition: this adds them
 * up. Across instances, add the results of each instance. Test fixture: the query API sums the parts
 * itself as it reads them.
 */
public final class TotalsParts {

    private TotalsParts() {}

    /** Key to the summed credits, debits and entries of every part of it in {@code store}. */
    public static Map<String, BalanceTotals> sum(ReadOnlyKeyValueStore<String, BalanceTotals> store) {
        Map<String, BalanceTotals> totals = new TreeMap<>();
        try (KeyValueIterator<String, BalanceTotals> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, BalanceTotals> part = it.next();
                totals.merge(part.key, part.value, BalanceTotalsMath::plus);
            }
        }
        return totals;
    }

    /** The sum of several instances' {@link #sum} results. */
    public static Map<String, BalanceTotals> combine(Iterable<Map<String, BalanceTotals>> instances) {
        Map<String, BalanceTotals> totals = new TreeMap<>();
        for (Map<String, BalanceTotals> instance : instances) {
            instance.forEach((currency, t) -> totals.merge(currency, t, BalanceTotalsMath::plus));
        }
        return totals;
    }
}
