package org.kleline.ledger.query.reads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.local.LocalStores;

/**
 * The trial balance's parts held by an instance: the trial-balance store's part per partition
 * (one key per currency, summed as projector's {@code TrialBalance} does), and the accounts of the
 * balances store's keys ({@code account|currency}) per currency for {@code accounts}, each account once
 * however many of the instance's partitions hold it. Both stores belong to the same task, so the same
 * partitions cover both.
 */
@AnsweredFrom(StoreNames.TRIAL_BALANCE)
public record TrialBalanceRead() implements PartitionRead<List<TrialBalancePart>> {

    @Override
    public List<TrialBalancePart> readLocally(LocalStores stores, Set<Integer> partitions) {
        Map<String, BalanceTotals> totals = new TreeMap<>();
        Map<String, Set<String>> accounts = new TreeMap<>();
        for (int partition : partitions) {
            stores.<BalanceTotals>all(
                    StoreNames.TRIAL_BALANCE,
                    partition,
                    (currency, part) -> totals.merge(currency, part, (a, b) -> plus(a, b, currency)));
            stores.<BalanceTotals>all(StoreNames.BALANCES, partition, (key, ignored) -> {
                int separator = key.lastIndexOf(AccountKeys.SEPARATOR);
                accounts.computeIfAbsent(key.substring(separator + 1), c -> new TreeSet<>())
                        .add(key.substring(0, separator));
            });
        }
        List<TrialBalancePart> parts = new ArrayList<>();
        totals.forEach((currency, t) -> parts.add(new TrialBalancePart(
                currency,
                t.getCredits(),
                t.getDebits(),
                t.getEntries(),
                List.copyOf(accounts.getOrDefault(currency, Set.of())))));
        accounts.forEach((currency, ids) -> {
            if (!totals.containsKey(currency)) {
                parts.add(new TrialBalancePart(currency, 0, 0, 0, List.copyOf(ids)));
            }
        });
        return parts;
    }

    /** Two partitions' parts of the trial balance in {@code currency}; 422 when a sum passes the range of a long. */
    private static BalanceTotals plus(BalanceTotals a, BalanceTotals b, String currency) {
        String figure = "the trial balance in " + currency;
        return new BalanceTotals(
                FigureOutOfRangeException.add(a.getCredits(), b.getCredits(), "the credits of " + figure),
                FigureOutOfRangeException.add(a.getDebits(), b.getDebits(), "the debits of " + figure),
                FigureOutOfRangeException.add(a.getEntries(), b.getEntries(), "the postings of " + figure));
    }
}
