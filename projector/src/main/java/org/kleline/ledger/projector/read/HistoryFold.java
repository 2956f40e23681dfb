package org.kleline.ledger.projector.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one balance partition's history within its {@link HistoryRetention}: hour sums before the
 * horizon are folded into each account's opening sum ({@link AccountKeys#opening}) and statement
 * lines before it are deleted. Balances as of the horizon or later read the same before and after
 * a fold (the opening sum holds every whole hour before them); earlier ones are refused
 * ({@link HistoryNotKeptException}). A posting that arrives later with an occurredAt before the
 * horizon goes straight into the opening sum, without a line.
 */
public final class HistoryFold {

    /** The one key of the history-horizon store. */
    public static final String HORIZON_KEY = "horizon";

    private final HistoryRetention retention;
    private final KeyValueStore<String, BalanceTotals> hours;
    private final KeyValueStore<String, AccountEntry> entries;
    private final KeyValueStore<String, Long> horizonStore;
    private long horizon;
    private long latestSeen = Long.MIN_VALUE;

    public HistoryFold(
            HistoryRetention retention,
            KeyValueStore<String, BalanceTotals> hours,
            KeyValueStore<String, AccountEntry> entries,
            KeyValueStore<String, Long> horizonStore) {
        this.retention = retention;
        this.hours = hours;
        this.entries = entries;
        this.horizonStore = horizonStore;
        this.horizon = horizonOf(horizonStore);
    }

    /** The partition's horizon as stored: {@code Long.MIN_VALUE} when nothing was ever folded. */
    public static long horizonOf(org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, Long> horizonStore) {
        Long stored = horizonStore.get(HORIZON_KEY);
        return stored == null ? Long.MIN_VALUE : stored;
    }

    public long horizon() {
        return horizon;
    }

    /** Notes a posting's occurredAt; the latest one seen sets the next horizon. */
    public void saw(long occurredAtMs) {
        latestSeen = Math.max(latestSeen, occurredAtMs);
    }

    /** The hour-sum key a posting at {@code occurredAtMs} adds to. */
    public String hourKey(String account, String currency, long occurredAtMs) {
        if (occurredAtMs < horizon) {
            return AccountKeys.opening(AccountKeys.prefix(account, currency));
        }
        return AccountKeys.hour(account, currency, occurredAtMs);
    }

    /** Whether a posting at {@code occurredAtMs} still gets a statement line. */
    public boolean keepsLine(long occurredAtMs) {
        return occurredAtMs >= horizon;
    }

    /**
     * Moves the horizon to what the retention allows after the latest occurredAt seen, folding what
     * falls before it. Does nothing while the horizon would not move.
     *
     * @return how many hour sums and lines were folded or dropped
     */
    public long foldIfDue() {
        long next = retention.horizonFor(latestSeen);
        if (next <= horizon) {
            return 0;
        }
        long touched = foldHours(next) + dropLines(next);
        horizon = next;
        horizonStore.put(HORIZON_KEY, next);
        return touched;
    }

    private long foldHours(long next) {
        Map<String, BalanceTotals> openings = new TreeMap<>();
        List<String> folded = new ArrayList<>();
        try (KeyValueIterator<String, BalanceTotals> it = hours.all()) {
            while (it.hasNext()) {
                KeyValue<String, BalanceTotals> kv = it.next();
                long hour = AccountKeys.hourOf(kv.key);
                if (hour >= next || hour == Long.MIN_VALUE) {
                    continue;
                }
                openings.merge(AccountKeys.prefixOfHour(kv.key), kv.value, BalanceTotalsMath::plus);
                folded.add(kv.key);
            }
        }
        folded.forEach(hours::delete);
        openings.forEach((prefix, sum) -> {
            String key = AccountKeys.opening(prefix);
            BalanceTotals opening = hours.get(key);
            hours.put(key, opening == null ? sum : BalanceTotalsMath.plus(opening, sum));
        });
        return folded.size();
    }

    private long dropLines(long next) {
        List<String> dropped = new ArrayList<>();
        try (KeyValueIterator<String, AccountEntry> it = entries.all()) {
            while (it.hasNext()) {
                KeyValue<String, AccountEntry> kv = it.next();
                if (kv.value.getOccurredAt() < next) {
                    dropped.add(kv.key);
                }
            }
        }
        dropped.forEach(entries::delete);
        return dropped.size();
    }
}
