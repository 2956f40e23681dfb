package org.kleline.ledger.query.reads;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.BalanceTotalsMath;
import org.kleline.ledger.projector.read.HistoryFold;
import org.kleline.ledger.projector.read.HistoryRetention;
import org.kleline.ledger.projector.read.StoreNames;

/**
 * Partitions of the balance views built by hand: each posting applied to the partition a test names,
 * the way the balance stage applies it to its partition's stores (balance, hour sum or, before the
 * horizon, opening sum, and a line added to an equal key's), with projector's own {@link HistoryFold}.
 */
final class HandBuiltPartitions implements BalancePartitions {

    private final HistoryRetention retention;
    private final Map<Integer, Partition> partitions = new TreeMap<>();

    HandBuiltPartitions() {
        this(HistoryRetention.FOREVER);
    }

    HandBuiltPartitions(Duration retention) {
        this(new HistoryRetention(retention));
    }

    private HandBuiltPartitions(HistoryRetention retention) {
        this.retention = retention;
    }

    private record Partition(
            MapStore<BalanceTotals> balances,
            MapStore<BalanceTotals> hours,
            MapStore<AccountEntry> entries,
            MapStore<Long> horizon,
            HistoryFold fold) {}

    HandBuiltPartitions post(int partition, String account, String currency, long amount, String eventId, long atMs) {
        Partition p = partition(partition);
        String balanceKey = AccountKeys.balance(account, currency);
        p.balances().put(balanceKey, BalanceTotalsMath.plus(p.balances().get(balanceKey), amount));
        String hourKey = p.fold().hourKey(account, currency, atMs);
        p.hours().put(hourKey, BalanceTotalsMath.plus(p.hours().get(hourKey), amount));
        p.fold().saw(atMs);
        if (p.fold().keepsLine(atMs)) {
            String entryKey = AccountKeys.entry(account, currency, atMs, eventId);
            AccountEntry previous = p.entries().get(entryKey);
            long lineAmount = previous == null ? amount : Math.addExact(previous.getAmount(), amount);
            p.entries().put(entryKey, new AccountEntry(eventId, "Test", atMs, lineAmount));
        }
        return this;
    }

    /** Folds every partition's history up to what the retention allows after the latest posting it saw. */
    void fold() {
        partitions.values().forEach(p -> p.fold().foldIfDue());
    }

    @Override
    public Map<String, BalanceTotals> currencies(int partition, String account) {
        Map<String, BalanceTotals> byCurrency = new TreeMap<>();
        String prefix = account + AccountKeys.SEPARATOR;
        try (var it = partition(partition).balances().range(prefix, prefix + '~')) {
            it.forEachRemaining(kv -> byCurrency.put(kv.key.substring(prefix.length()), kv.value));
        }
        return byCurrency;
    }

    @Override
    public AccountHistory history(int partition) {
        Partition p = partition(partition);
        return new AccountHistory(p.hours(), p.entries(), HistoryFold.horizonOf(p.horizon()));
    }

    Iterable<Integer> all() {
        return partitions.keySet();
    }

    private Partition partition(int partition) {
        return partitions.computeIfAbsent(partition, n -> {
            MapStore<BalanceTotals> hours = new MapStore<>(StoreNames.BALANCE_HOURS);
            MapStore<AccountEntry> entries = new MapStore<>(StoreNames.ACCOUNT_ENTRIES);
            MapStore<Long> horizon = new MapStore<>(StoreNames.HISTORY_HORIZON);
            return new Partition(
                    new MapStore<>(StoreNames.BALANCES),
                    hours,
                    entries,
                    horizon,
                    new HistoryFold(retention, hours, entries, horizon));
        });
    }
}
