package org.kleline.ledger.query.reads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.HistoryNotKeptException;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.local.LocalStores;

/**
 * An account's balance in every currency it holds, now or as of an instant (the sums of the postings
 * with occurredAt <= asOf, from projector's {@link AccountHistory}). One account and currency may
 * have postings in several partitions: each instance sums its partitions' parts per currency, and the
 * caller sums the instances' ({@code PartMerges.balances}). A sum beyond the range of a long is a 422
 * ({@link FigureOutOfRangeException}) naming the account, the currency and the figure.
 *
 * @param account the account id
 * @param asOfMs  epoch millis, or null for now
 */
@AnsweredFrom(StoreNames.BALANCES)
public record AccountBalancesRead(String account, Long asOfMs) implements PartitionRead<AccountBalancesPart> {

    public AccountBalancesRead {
        Objects.requireNonNull(account, "account");
    }

    @Override
    public AccountBalancesPart readLocally(LocalStores stores, Set<Integer> partitions) {
        return read(BalancePartitions.of(stores), partitions);
    }

    /** Every currency summed over {@code partitions}. */
    AccountBalancesPart read(BalancePartitions stores, Iterable<Integer> partitions) {
        Map<String, BalanceTotals> sums = new TreeMap<>();
        boolean hasPostings = false;
        Long refusedBefore = null;
        for (int partition : partitions) {
            Map<String, BalanceTotals> current = stores.currencies(partition, account);
            hasPostings |= !current.isEmpty();
            if (asOfMs == null) {
                current.forEach((currency, totals) -> sums.merge(currency, totals, (a, b) -> plus(a, b, currency)));
                continue;
            }
            AccountHistory history = current.isEmpty() ? null : stores.history(partition);
            for (String currency : current.keySet()) {
                try {
                    sums.merge(currency, history.asOf(account, currency, asOfMs), (a, b) -> plus(a, b, currency));
                } catch (HistoryNotKeptException e) {
                    refusedBefore = refusedBefore == null ? e.keptFromMs() : Math.max(refusedBefore, e.keptFromMs());
                }
            }
        }
        return new AccountBalancesPart(shown(sums), hasPostings, refusedBefore);
    }

    /** Two partitions' parts of the account in {@code currency}; 422 when a sum passes the range of a long. */
    private BalanceTotals plus(BalanceTotals a, BalanceTotals b, String currency) {
        String figure = "account " + account + " in " + currency;
        return new BalanceTotals(
                FigureOutOfRangeException.add(a.getCredits(), b.getCredits(), "the credits of " + figure),
                FigureOutOfRangeException.add(a.getDebits(), b.getDebits(), "the debits of " + figure),
                FigureOutOfRangeException.add(a.getEntries(), b.getEntries(), "the postings of " + figure));
    }

    /**
     * The summed currencies as answered: now, every currency held; as of an instant, those with a
     * posting by then in at least one partition.
     */
    private List<BalanceBody> shown(Map<String, BalanceTotals> sums) {
        List<BalanceBody> balances = new ArrayList<>(sums.size());
        sums.forEach((currency, totals) -> {
            if (asOfMs == null || totals.getEntries() > 0) {
                balances.add(BalanceBody.of(currency, totals));
            }
        });
        return balances;
    }
}
