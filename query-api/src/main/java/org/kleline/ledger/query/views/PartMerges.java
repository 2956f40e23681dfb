package org.kleline.ledger.query.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.CurrencyTotals;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.body.MerchantFigures;
import org.kleline.ledger.query.body.PartnerFigures;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.SettlementSummaryBody;
import org.kleline.ledger.query.body.TrialBalanceLine;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.reads.AccountBalancesPart;
import org.kleline.ledger.query.reads.SettlementSummaryPart;
import org.kleline.ledger.query.reads.SettlementSums;
import org.kleline.ledger.query.reads.StatementPart;
import org.kleline.ledger.query.reads.TrialBalancePart;
import org.kleline.ledger.query.statement.StatementLine;
import org.kleline.ledger.query.statement.StatementOrder;

/**
 * Combining the parts each instance answers into the one answer a client sees. Pure functions: the
 * parts come from disjoint partitions (the router sees to it), so sums add and lists concatenate.
 * One account and currency may have postings in several partitions, each holding its part of the
 * figures: balances add per currency, a statement's lines merge and its running balances are worked
 * out here, and accounts are counted once across parts. A sum that passes the range of a long is a
 * 422 naming the figure ({@link FigureOutOfRangeException}), never a 500: the projector keeps each part
 * within range, their sum over the partitions may not be.
 */
public final class PartMerges {

    private static final Comparator<SettlementRowBody> BY_DATE =
            Comparator.comparing(SettlementRowBody::date).thenComparing(SettlementRowBody::currency);
    private static final Comparator<SettlementRowBody> BY_MERCHANT =
            Comparator.comparing(SettlementRowBody::merchantId).thenComparing(SettlementRowBody::currency);

    private PartMerges() {}

    /**
     * Per currency, the sum of every part, sorted by currency: one account and currency may have
     * postings in several partitions, each part holding the sums of its own.
     */
    public static List<BalanceBody> balances(String account, List<AccountBalancesPart> parts) {
        Map<String, BalanceBody> byCurrency = new TreeMap<>();
        for (AccountBalancesPart part : parts) {
            for (BalanceBody b : part.balances()) {
                byCurrency.merge(b.currency(), b, (x, y) -> plus(account, x, y));
            }
        }
        return List.copyOf(byCurrency.values());
    }

    /**
     * Credits and debits add (both >= 0, so a sum that fits never passes the range on the way), and the
     * balance is their difference, which then fits too; 422 naming the figure when one does not.
     */
    private static BalanceBody plus(String account, BalanceBody a, BalanceBody b) {
        String figure = "account " + account + " in " + a.currency();
        long credits = FigureOutOfRangeException.add(a.credits(), b.credits(), "the credits of " + figure);
        long debits = FigureOutOfRangeException.add(a.debits(), b.debits(), "the debits of " + figure);
        return new BalanceBody(a.currency(), credits - debits, credits, debits);
    }

    /** The latest history horizon that refused an as-of read, or null when every part answered. */
    public static Long refusedBefore(List<AccountBalancesPart> parts) {
        return parts.stream()
                .map(AccountBalancesPart::refusedBeforeMs)
                .filter(java.util.Objects::nonNull)
                .max(Long::compare)
                .orElse(null);
    }

    public static boolean anyPostings(List<AccountBalancesPart> parts) {
        return parts.stream().anyMatch(AccountBalancesPart::hasPostings);
    }

    /**
     * The first {@code limit} lines of every part in statement order (the window), a line held by
     * several parts (one event's postings in two partitions) merged into one with their amounts added,
     * and the balance after each: the sum of every part's opening in its currency, then the lines
     * before it. A next cursor at the window's last line when any line is left, in a part or beyond
     * what a part gave.
     *
     * <p>Each part gives up to {@code limit} lines per currency and partition, in order: the first
     * {@code limit} distinct lines of all of them are therefore every line up to the window's last,
     * so no line a part left out comes before one in the window.
     *
     * <p>With a history retention, a currency's lines before the latest horizon H of the partitions
     * holding it are in the window and add to its running balance, but are not shown: a partition
     * whose horizon is H folded its postings before H into its opening and kept no line of them, so
     * the balance after a line before H would count those early. From H on it is exact: every
     * partition's opening and lines up to a line count each of its postings once, folded or not. A
     * window of lines all before H gives an empty page with a next cursor; the page after it goes on
     * from there.
     */
    public static EntriesPage statement(String account, List<StatementPart> parts, int limit) {
        List<StatementLine> lines = new ArrayList<>();
        Map<String, Long> balances = new TreeMap<>();
        Map<String, Long> horizons = new HashMap<>();
        boolean more = false;
        for (StatementPart part : parts) {
            lines.addAll(part.lines());
            part.openings()
                    .forEach((currency, opening) -> balances.merge(
                            currency,
                            opening,
                            (x, y) -> FigureOutOfRangeException.add(
                                    x, y, "the opening of the statement of " + account + " in " + currency)));
            part.horizons().forEach((currency, horizon) -> horizons.merge(currency, horizon, Math::max));
            more |= part.more();
        }
        lines.sort(StatementOrder.LINES);
        List<StatementLine> window = new ArrayList<>(Math.min(lines.size(), limit));
        for (StatementLine line : lines) {
            int last = window.size() - 1;
            if (last >= 0 && window.get(last).samePosition(line)) {
                window.set(last, window.get(last).plus(line));
            } else if (window.size() == limit) {
                more = true;
                break;
            } else {
                window.add(line);
            }
        }
        List<EntryBody> entries = new ArrayList<>(window.size());
        for (StatementLine line : window) {
            Long opening = balances.get(line.currency());
            if (opening == null) {
                throw new IllegalStateException(
                        "a statement part gave a " + line.currency() + " line without its opening: " + line);
            }
            long after = FigureOutOfRangeException.add(
                    opening,
                    line.amount(),
                    "the balance after event " + line.eventId() + " on " + account + " in " + line.currency());
            balances.put(line.currency(), after);
            if (line.occurredAtMs() >= horizons.getOrDefault(line.currency(), Long.MIN_VALUE)) {
                entries.add(line.toBody(after));
            }
        }
        String next = more && !window.isEmpty()
                ? window.get(window.size() - 1).position().encode(account)
                : null;
        return new EntriesPage(entries, next);
    }

    public static boolean anyStatementPostings(List<StatementPart> parts) {
        return parts.stream().anyMatch(StatementPart::hasPostings);
    }

    /**
     * Per currency: the sums of every instance's parts, sorted by currency; {@code accounts} counts
     * each account once however many partitions hold its postings in the currency.
     */
    public static List<TrialBalanceLine> trialBalance(List<List<TrialBalancePart>> parts) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, Set<String>> accounts = new HashMap<>();
        for (List<TrialBalancePart> instance : parts) {
            for (TrialBalancePart p : instance) {
                long[] s = sums.computeIfAbsent(p.currency(), c -> new long[3]);
                String figure = "the trial balance in " + p.currency();
                s[0] = FigureOutOfRangeException.add(s[0], p.credits(), "the credits of " + figure);
                s[1] = FigureOutOfRangeException.add(s[1], p.debits(), "the debits of " + figure);
                s[2] = FigureOutOfRangeException.add(s[2], p.postings(), "the postings of " + figure);
                accounts.computeIfAbsent(p.currency(), c -> new HashSet<>()).addAll(p.accounts());
            }
        }
        List<TrialBalanceLine> lines = new ArrayList<>(sums.size());
        // Credits and debits are both in 0..2^63-1 here: their difference fits.
        sums.forEach((currency, s) -> lines.add(new TrialBalanceLine(
                currency, s[0] - s[1], accounts.get(currency).size(), s[0], s[1], s[2])));
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

    /**
     * A period's settlement summary from every instance's sums ({@link SettlementSums}), each merchant named
     * with its partner from the merchants store; a partner's figures are the sums of its merchants', and
     * the totals those of every merchant, per currency. Merchants and partners by id (no partner last).
     */
    public static SettlementSummaryBody settlementSummary(
            LocalDate from, LocalDate to, List<SettlementSummaryPart> parts, List<List<MerchantAnswer>> merchantParts) {
        SettlementSums sums = new SettlementSums();
        parts.forEach(sums::add);
        SettlementSummaryPart all = sums.part();
        Map<String, MerchantAnswer> profiles = new HashMap<>();
        merchantParts.forEach(part -> part.forEach(m -> profiles.put(m.merchantId(), m)));
        List<MerchantFigures> merchants = new ArrayList<>(all.merchants().size());
        Map<String, CurrencyTotals> totals = new TreeMap<>();
        Map<List<String>, PartnerFigures> partners = new TreeMap<>(PARTNER_ORDER);
        for (MerchantFigures m : all.merchants()) {
            MerchantAnswer profile = profiles.get(m.merchantId());
            String partnerId = profile == null ? null : profile.partnerId();
            merchants.add(new MerchantFigures(
                    m.merchantId(), profile == null ? null : profile.name(), partnerId, m.currency(), m.figures()));
            totals.merge(
                    m.currency(),
                    new CurrencyTotals(
                            m.currency(), CurrencyCode.of(m.currency()).fractionDigits(), 1, m.figures()),
                    (a, b) -> new CurrencyTotals(
                            a.currency(),
                            a.decimals(),
                            a.merchants() + b.merchants(),
                            a.figures().plus(b.figures(), "the period in " + a.currency())));
            partners.merge(
                    Arrays.asList(partnerId, m.currency()),
                    new PartnerFigures(partnerId, m.currency(), 1, m.figures()),
                    (a, b) -> new PartnerFigures(
                            a.partnerId(),
                            a.currency(),
                            a.merchants() + b.merchants(),
                            a.figures().plus(b.figures(), "partner " + a.partnerId() + " in " + a.currency())));
        }
        return new SettlementSummaryBody(
                from,
                to,
                List.copyOf(totals.values()),
                all.days(),
                merchants,
                List.copyOf(partners.values()),
                all.openRows(),
                all.open());
    }

    /** By partnerId (merchants of no partner last), then currency. */
    private static final Comparator<List<String>> PARTNER_ORDER = Comparator.<List<String>, String>comparing(
                    k -> k.get(0), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(k -> k.get(1));

    private static List<SettlementRowBody> flatten(
            List<List<SettlementRowBody>> parts, Comparator<SettlementRowBody> order) {
        List<SettlementRowBody> rows = new ArrayList<>();
        parts.forEach(rows::addAll);
        rows.sort(order);
        return List.copyOf(rows);
    }
}
