package org.kleline.ledger.query.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.TrialBalanceLine;
import org.kleline.ledger.query.reads.AccountBalancesPart;
import org.kleline.ledger.query.reads.StatementLine;
import org.kleline.ledger.query.reads.StatementPart;
import org.kleline.ledger.query.reads.TrialBalancePart;
import org.kleline.ledger.query.statement.StatementOrder;

/**
 * Combining the parts each instance answers into the one answer a client sees. Pure functions: the
 * parts come from disjoint partitions (the router sees to it), so sums add and lists concatenate.
 */
public final class PartMerges {

    private static final Comparator<SettlementRowBody> BY_DATE =
            Comparator.comparing(SettlementRowBody::date).thenComparing(SettlementRowBody::currency);
    private static final Comparator<SettlementRowBody> BY_MERCHANT =
            Comparator.comparing(SettlementRowBody::merchantId).thenComparing(SettlementRowBody::currency);

    private PartMerges() {
    }

    /** Every currency once (an account|currency key lives in one partition), sorted by currency. */
    public static List<BalanceBody> balances(List<AccountBalancesPart> parts) {
        Map<String, BalanceBody> byCurrency = new TreeMap<>();
        for (AccountBalancesPart part : parts) {
            for (BalanceBody b : part.balances()) {
                if (byCurrency.put(b.currency(), b) != null) {
                    throw new IllegalStateException("currency " + b.currency() + " answered by two partitions");
                }
            }
        }
        return List.copyOf(byCurrency.values());
    }

    /** The latest history horizon that refused an as-of read, or null when every part answered. */
    public static Long refusedBefore(List<AccountBalancesPart> parts) {
        return parts.stream().map(AccountBalancesPart::refusedBeforeMs).filter(java.util.Objects::nonNull)
                .max(Long::compare).orElse(null);
    }

    public static boolean anyPostings(List<AccountBalancesPart> parts) {
        return parts.stream().anyMatch(AccountBalancesPart::hasPostings);
    }

    /**
     * The first {@code limit} lines of every part in statement order; a next cursor at the last line
     * given when any line is left, in a part or beyond what a part gave.
     */
    public static EntriesPage statement(String account, List<StatementPart> parts, int limit) {
        List<StatementLine> lines = new ArrayList<>();
        boolean more = false;
        for (StatementPart part : parts) {
            lines.addAll(part.lines());
            more |= part.more();
        }
        lines.sort(StatementOrder.LINES);
        if (lines.size() > limit) {
            more = true;
            lines = lines.subList(0, limit);
        }
        List<EntryBody> entries = lines.stream().map(StatementLine::toBody).toList();
        String next = more && !lines.isEmpty() ? lines.get(lines.size() - 1).position().encode(account) : null;
        return new EntriesPage(entries, next);
    }

    public static boolean anyStatementPostings(List<StatementPart> parts) {
        return parts.stream().anyMatch(StatementPart::hasPostings);
    }

    /** Per currency: the sums of every instance's parts, sorted by currency. */
    public static List<TrialBalanceLine> trialBalance(List<List<TrialBalancePart>> parts) {
        Map<String, long[]> sums = new TreeMap<>();
        for (List<TrialBalancePart> instance : parts) {
            for (TrialBalancePart p : instance) {
                long[] s = sums.computeIfAbsent(p.currency(), c -> new long[4]);
                s[0] = Math.addExact(s[0], p.credits());
                s[1] = Math.addExact(s[1], p.debits());
                s[2] = Math.addExact(s[2], p.postings());
                s[3] = Math.addExact(s[3], p.accounts());
            }
        }
        List<TrialBalanceLine> lines = new ArrayList<>(sums.size());
        sums.forEach((currency, s) -> lines.add(
                new TrialBalanceLine(currency, Math.subtractExact(s[0], s[1]), s[3], s[0], s[1], s[2])));
        return lines;
    }

    /** One merchant's rows, by date then currency. */
    public static List<SettlementRowBody> rowsByDate(List<List<SettlementRowBody>> parts) {
        return flatten(parts, BY_DATE);
    }

    /** One date's rows, by merchantId then currency (the order settling a date pays in). */
    public static List<SettlementRowBody> rowsByMerchant(List<List<SettlementRowBody>> parts) {
        return flatten(parts, BY_MERCHANT);
    }

    private static List<SettlementRowBody> flatten(List<List<SettlementRowBody>> parts, Comparator<SettlementRowBody> order) {
        List<SettlementRowBody> rows = new ArrayList<>();
        parts.forEach(rows::addAll);
        rows.sort(order);
        return List.copyOf(rows);
    }
}
