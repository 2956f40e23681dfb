package org.kleline.ledger.projector.views;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The trial balance is kept as one part per balance partition (a currency's postings are spread
 * over every partition); the whole is their sum. Reading the trial-balance store across local
 * partitions returns a currency once per partition: this adds them up. Across instances, add the
 * results of each instance.
 */
public final class TrialBalance {

    private TrialBalance() {
    }

    /** Currency to the summed credits and debits of every part in {@code store}. */
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
