package org.kleline.ledger.projector.views;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads balances as of a past instant and statements (lines in time order with the balance after
 * each) from one partition's balance-hours and account-entries stores, the partition that owns
 * {@code account|currency}. The balance after a line is the sum of every posting at an earlier
 * (occurredAt, eventId): whole hours from the hour sums, the rest of the hour from the lines.
 */
public final class AccountHistory {

    /** A statement page holds at most this many lines. */
    public static final int PAGE_LINES_MAX = 1_000;

    private final ReadOnlyKeyValueStore<String, BalanceTotals> hours;
    private final ReadOnlyKeyValueStore<String, AccountEntry> entries;
    private final long keptFromMs;

    /** The whole history: nothing was ever folded ({@link HistoryRetention#FOREVER}). */
    public AccountHistory(ReadOnlyKeyValueStore<String, BalanceTotals> hours,
            ReadOnlyKeyValueStore<String, AccountEntry> entries) {
        this(hours, entries, Long.MIN_VALUE);
    }

    /**
     * @param keptFromMs the partition's history horizon ({@link HistoryFold}): before it, hour sums
     *     are folded and statement lines dropped
     */
    public AccountHistory(ReadOnlyKeyValueStore<String, BalanceTotals> hours,
            ReadOnlyKeyValueStore<String, AccountEntry> entries, long keptFromMs) {
        this.hours = hours;
        this.entries = entries;
        this.keptFromMs = keptFromMs;
    }

    /** The first instant whose balance this partition can still tell ({@code Long.MIN_VALUE}: every one). */
    public long keptFromMs() {
        return keptFromMs;
    }

    /** One statement line. {@code key} is the paging cursor. */
    public record StatementLine(String key, AccountEntry entry, long balanceAfterMinor) {
    }

    /** A page of lines; {@code nextAfterKey} is null on the last page. */
    public record StatementPage(List<StatementLine> lines, String nextAfterKey) {
        public StatementPage {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Credits and debits of every posting with occurredAt <= {@code atMs}.
     *
     * @throws HistoryNotKeptException when {@code atMs} is before the history horizon
     */
    public BalanceTotals asOf(String account, String currency, long atMs) {
        if (atMs < keptFromMs) {
            throw new HistoryNotKeptException(atMs, keptFromMs);
        }
        return through(account, currency, AccountKeys.lastEntryAt(account, currency, atMs), atMs);
    }

    /**
     * Lines with {@code fromMs <= occurredAt <= toMs}, in (occurredAt, eventId) order, starting after
     * {@code afterKey} when it is not null (the previous page's {@code nextAfterKey}). Lines before
     * the history horizon are no longer kept: a statement starts at the horizon at the earliest,
     * its first balance after still exact.
     */
    public StatementPage statement(String account, String currency, long fromMs, long toMs, String afterKey, int limit) {
        if (limit < 1 || limit > PAGE_LINES_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + PAGE_LINES_MAX + ", got " + limit);
        }
        if (fromMs > toMs) {
            throw new IllegalArgumentException("from must not be after to, got from=" + fromMs + " to=" + toMs);
        }
        String prefix = AccountKeys.prefix(account, currency);
        if (afterKey != null && !afterKey.startsWith(prefix)) {
            throw new IllegalArgumentException("afterKey '" + afterKey + "' is not a key of " + prefix);
        }
        String from = AccountKeys.firstEntryAt(account, currency, fromMs);
        String to = AccountKeys.lastEntryAt(account, currency, toMs);
        List<StatementLine> lines = new ArrayList<>();
        boolean more = false;
        long balance = Long.MIN_VALUE;
        try (KeyValueIterator<String, AccountEntry> it = entries.range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, AccountEntry> kv = it.next();
                if (afterKey != null && kv.key.compareTo(afterKey) <= 0) {
                    continue;
                }
                if (lines.size() == limit) {
                    more = true;
                    break;
                }
                if (lines.isEmpty()) {
                    balance = BalanceTotalsMath.balance(through(account, currency, kv.key, kv.value.getOccurredAt()));
                } else {
                    balance = Math.addExact(balance, kv.value.getAmount());
                }
                lines.add(new StatementLine(kv.key, kv.value, balance));
            }
        }
        return new StatementPage(lines, more ? lines.get(lines.size() - 1).key() : null);
    }

    /** Sum of every line with key <= {@code lastKey}, {@code lastKey} being in the hour of {@code atMs}. */
    private BalanceTotals through(String account, String currency, String lastKey, long atMs) {
        BalanceTotals sum = BalanceTotalsMath.zero();
        long hourStart = AccountKeys.hourStart(atMs);
        if (hourStart > Long.MIN_VALUE + AccountKeys.HOUR_MS) {
            String firstHour = AccountKeys.prefix(account, currency);
            String lastWholeHour = AccountKeys.hourAt(account, currency, hourStart - AccountKeys.HOUR_MS);
            try (KeyValueIterator<String, BalanceTotals> it = hours.range(firstHour, lastWholeHour)) {
                while (it.hasNext()) {
                    sum = BalanceTotalsMath.plus(sum, it.next().value);
                }
            }
        }
        try (KeyValueIterator<String, AccountEntry> it =
                entries.range(AccountKeys.firstEntryAt(account, currency, hourStart), lastKey)) {
            while (it.hasNext()) {
                sum = BalanceTotalsMath.plus(sum, it.next().value.getAmount());
            }
        }
        return sum;
    }
}
