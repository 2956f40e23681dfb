package org.kleline.ledger.projector.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads balances as of a past instant and statements (lines in time order with the balance after
 * each) from one partition's balance-hours and account-entries stores. The balance after a line is
 * the sum of every posting at an earlier (occurredAt, eventId): whole hours from the hour sums, the
 * rest of the hour from the lines.
 *
 * <p>Every figure here is this partition's: when the postings of one {@code account|currency} are
 * spread over several partitions, each holds a part, and the account's figure is the sum of the
 * parts ({@link #asOf}, {@link #openingBefore}, {@link #openingThrough} add; {@link #lines} of every
 * partition merge by key). {@link #statement}'s balance after each line is right only when this
 * partition holds every posting of the account and currency.
 */
public final class AccountHistory {

    /** A statement page holds at most this many lines. */
    public static final int PAGE_LINES_MAX = 1_000;

    private final ReadOnlyKeyValueStore<String, BalanceTotals> hours;
    private final ReadOnlyKeyValueStore<String, AccountEntry> entries;
    private final long keptFromMs;

    /** The whole history: nothing was ever folded ({@link HistoryRetention#FOREVER}). */
    public AccountHistory(
            ReadOnlyKeyValueStore<String, BalanceTotals> hours, ReadOnlyKeyValueStore<String, AccountEntry> entries) {
        this(hours, entries, Long.MIN_VALUE);
    }

    /**
     * @param keptFromMs the partition's history horizon ({@link HistoryFold}): before it, hour sums
     *     are folded and statement lines dropped
     */
    public AccountHistory(
            ReadOnlyKeyValueStore<String, BalanceTotals> hours,
            ReadOnlyKeyValueStore<String, AccountEntry> entries,
            long keptFromMs) {
        this.hours = hours;
        this.entries = entries;
        this.keptFromMs = keptFromMs;
    }

    /** The first instant whose balance this partition can still tell ({@code Long.MIN_VALUE}: every one). */
    public long keptFromMs() {
        return keptFromMs;
    }

    /** One statement line. {@code key} is the paging cursor. */
    public record StatementLine(String key, AccountEntry entry, long balanceAfterMinor) {}

    /** Lines without balances; {@code more} when lines are left after the last one given. */
    public record LinePage(List<AccountEntry> lines, boolean more) {
        public LinePage {
            lines = List.copyOf(lines);
        }
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
    public StatementPage statement(
            String account, String currency, long fromMs, long toMs, String afterKey, int limit) {
        List<KeyValue<String, AccountEntry>> page = new ArrayList<>();
        boolean more = scan(account, currency, fromMs, toMs, afterKey, limit, page);
        List<StatementLine> lines = new ArrayList<>(page.size());
        long balance = Long.MIN_VALUE;
        for (KeyValue<String, AccountEntry> kv : page) {
            if (lines.isEmpty()) {
                balance = BalanceTotalsMath.balance(through(account, currency, kv.key, kv.value.getOccurredAt()));
            } else {
                balance = Math.addExact(balance, kv.value.getAmount());
            }
            lines.add(new StatementLine(kv.key, kv.value, balance));
        }
        return new StatementPage(lines, more ? lines.get(lines.size() - 1).key() : null);
    }

    /**
     * The lines {@link #statement} would give, without the balance after each (which a partition
     * holding only part of the postings cannot tell): see {@link #openingBefore} and
     * {@link #openingThrough} for the sum they start from.
     */
    public LinePage lines(String account, String currency, long fromMs, long toMs, String afterKey, int limit) {
        List<KeyValue<String, AccountEntry>> page = new ArrayList<>();
        boolean more = scan(account, currency, fromMs, toMs, afterKey, limit, page);
        return new LinePage(page.stream().map(kv -> kv.value).toList(), more);
    }

    /**
     * Credits and debits of this partition's postings with occurredAt < {@code fromMs}: what a
     * statement starting at {@code fromMs} opens with. Never refused: with {@code fromMs} at or before
     * the history horizon it is the sum of every posting before the horizon (the folded opening sum),
     * which is what the first line kept, at the horizon or later, follows.
     */
    public BalanceTotals openingBefore(String account, String currency, long fromMs) {
        if (fromMs == Long.MIN_VALUE) {
            // No posting is before it, but those folded before the horizon have no line from it on: they open.
            BalanceTotals opening = hours.get(AccountKeys.opening(AccountKeys.prefix(account, currency)));
            return opening == null ? BalanceTotalsMath.zero() : opening;
        }
        return through(account, currency, AccountKeys.lastEntryAt(account, currency, fromMs - 1), fromMs - 1);
    }

    /**
     * Credits and debits of this partition's postings with an account-entries key <= {@code afterKey},
     * a statement position at {@code afterAtMs} (the occurredAt written in it): what the page after
     * that position opens with. Before the history horizon, as {@link #openingBefore}.
     */
    public BalanceTotals openingThrough(String account, String currency, String afterKey, long afterAtMs) {
        String prefix = AccountKeys.prefix(account, currency);
        if (!afterKey.startsWith(AccountKeys.timePrefix(account, currency, afterAtMs))) {
            throw new IllegalArgumentException(
                    "afterKey '" + afterKey + "' is not a key of " + prefix + " at " + afterAtMs);
        }
        return through(account, currency, afterKey, afterAtMs);
    }

    /** Up to {@code limit} lines of the range after {@code afterKey} into {@code page}; whether more are left. */
    private boolean scan(
            String account,
            String currency,
            long fromMs,
            long toMs,
            String afterKey,
            int limit,
            List<KeyValue<String, AccountEntry>> page) {
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
        try (KeyValueIterator<String, AccountEntry> it = entries.range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, AccountEntry> kv = it.next();
                if (afterKey != null && kv.key.compareTo(afterKey) <= 0) {
                    continue;
                }
                if (page.size() == limit) {
                    return true;
                }
                page.add(kv);
            }
        }
        return false;
    }

    /** Sum of every line with key <= {@code lastKey}, {@code lastKey} being in the hour of {@code atMs}. */
    private BalanceTotals through(String account, String currency, String lastKey, long atMs) {
        BalanceTotals sum = BalanceTotalsMath.zero();
        // Within the first hours of the long range an hour start would wrap around: read every line there.
        long linesFrom = Long.MIN_VALUE;
        if (atMs >= Long.MIN_VALUE + 2 * AccountKeys.HOUR_MS) {
            long hourStart = AccountKeys.hourStart(atMs);
            linesFrom = hourStart;
            String firstHour = AccountKeys.prefix(account, currency);
            String lastWholeHour = AccountKeys.hourAt(account, currency, hourStart - AccountKeys.HOUR_MS);
            try (KeyValueIterator<String, BalanceTotals> it = hours.range(firstHour, lastWholeHour)) {
                while (it.hasNext()) {
                    sum = BalanceTotalsMath.plus(sum, it.next().value);
                }
            }
        } else {
            // No whole hour before atMs, but a fold's opening sum holds every posting before the horizon.
            BalanceTotals opening = hours.get(AccountKeys.opening(AccountKeys.prefix(account, currency)));
            if (opening != null) {
                sum = opening;
            }
        }
        try (KeyValueIterator<String, AccountEntry> it =
                entries.range(AccountKeys.firstEntryAt(account, currency, linesFrom), lastKey)) {
            while (it.hasNext()) {
                sum = BalanceTotalsMath.plus(sum, it.next().value.getAmount());
            }
        }
        return sum;
    }
}
