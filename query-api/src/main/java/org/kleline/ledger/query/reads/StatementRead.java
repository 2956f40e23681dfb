package org.kleline.ledger.query.reads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.BalanceTotalsMath;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.query.statement.StatementLine;

/**
 * A page of an account's statement: lines with {@code fromMs <= occurredAt <= toMs} after
 * {@code after} (null for the first page), at most {@code limit} per currency and partition from each
 * instance, with what each currency opens with there and the latest history horizon of the
 * partitions holding it; the caller merges the parts, keeps the first {@code limit}, works out the
 * balance after each and shows those from the latest horizon on ({@code PartMerges.statement}).
 */
@AnsweredFrom(StoreNames.ACCOUNT_ENTRIES)
public record StatementRead(String account, long fromMs, long toMs, StatementCursor after, int limit)
        implements PartitionRead<StatementPart> {

    public StatementRead {
        Objects.requireNonNull(account, "account");
        if (limit < 1 || limit > AccountHistory.PAGE_LINES_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + AccountHistory.PAGE_LINES_MAX + ", was " + limit);
        }
        if (fromMs > toMs) {
            throw new IllegalArgumentException("from must not be after to, were " + fromMs + " and " + toMs);
        }
    }

    @Override
    public StatementPart readLocally(LocalStores stores, Set<Integer> partitions) {
        return read(BalancePartitions.of(stores), partitions);
    }

    /** The lines, openings and horizons of every currency the account holds in {@code partitions}. */
    StatementPart read(BalancePartitions stores, Iterable<Integer> partitions) {
        List<StatementLine> lines = new ArrayList<>();
        Map<String, Long> openings = new TreeMap<>();
        Map<String, Long> horizons = new TreeMap<>();
        boolean more = false;
        for (int partition : partitions) {
            Map<String, BalanceTotals> currencies = stores.currencies(partition, account);
            if (currencies.isEmpty()) {
                continue;
            }
            AccountHistory history = stores.history(partition);
            for (String currency : currencies.keySet()) {
                more |= readCurrency(history, currency, lines, openings);
                horizons.merge(currency, history.keptFromMs(), Math::max);
            }
        }
        return new StatementPart(lines, openings, more, horizons);
    }

    /**
     * One partition's lines of {@code currency} into {@code lines} and its opening added to
     * {@code openings}; whether lines are left after those given.
     */
    private boolean readCurrency(
            AccountHistory history, String currency, List<StatementLine> lines, Map<String, Long> openings) {
        String afterKey = after == null ? null : after.afterKey(account, currency);
        AccountHistory.LinePage page = history.lines(account, currency, fromMs, toMs, afterKey, limit);
        for (AccountEntry entry : page.lines()) {
            lines.add(new StatementLine(
                    currency, entry.getEventId(), entry.getEventType(), entry.getOccurredAt(), entry.getAmount()));
        }
        // A cursor before from (a client may change from between pages) opens where from does.
        BalanceTotals opening = after != null && after.occurredAtMs() >= fromMs
                ? history.openingThrough(account, currency, afterKey, after.occurredAtMs())
                : history.openingBefore(account, currency, fromMs);
        openings.merge(
                currency,
                BalanceTotalsMath.balance(opening),
                (a, b) -> FigureOutOfRangeException.add(
                        a, b, "the opening of the statement of " + account + " in " + currency));
        return page.more();
    }
}
