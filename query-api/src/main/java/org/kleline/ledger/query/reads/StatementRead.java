package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.projector.views.AccountHistory;
import org.kleline.ledger.projector.views.BalanceTotals;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.query.statement.StatementCursor;

/**
 * A page of an account's statement: lines with {@code fromMs <= occurredAt <= toMs} after
 * {@code after} (null for the first page), at most {@code limit} per currency from each instance;
 * the caller merges the parts and keeps the first {@code limit}.
 */
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
    public String store() {
        return StoreNames.ACCOUNT_ENTRIES;
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructType(StatementPart.class);
    }

    @Override
    public StatementPart readLocally(LocalStores stores, Set<Integer> partitions) {
        List<StatementLine> lines = new ArrayList<>();
        boolean more = false;
        boolean hasPostings = false;
        for (int partition : partitions) {
            Map<String, BalanceTotals> currencies = AccountCurrencies.in(stores, partition, account);
            if (currencies.isEmpty()) {
                continue;
            }
            hasPostings = true;
            AccountHistory history = stores.history(partition);
            for (String currency : currencies.keySet()) {
                String afterKey = after == null ? null : after.afterKey(account, currency);
                AccountHistory.StatementPage page = history.statement(account, currency, fromMs, toMs, afterKey, limit);
                for (AccountHistory.StatementLine line : page.lines()) {
                    lines.add(new StatementLine(currency, line.entry().getEventId(), line.entry().getEventType(),
                            line.entry().getOccurredAt(), line.entry().getAmount(), line.balanceAfterMinor()));
                }
                more |= page.nextAfterKey() != null;
            }
        }
        return new StatementPart(lines, more, hasPostings);
    }
}
