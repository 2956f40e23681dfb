package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The query API's figures against the recomputed ones: the outcomes of a sample of the events
 * ({@link OutcomeSample}; {@code ledger.outcomes} is compared whole elsewhere), every account's
 * balances, every settlement row of every date the log touches, the trial balance. The views are
 * built downstream of the outcomes and may trail them by a few commits, so what differs is asked
 * again for up to {@code recheckFor} before it counts as a difference. What the API still cannot answer
 * then (503) is counted apart, as unanswered: nothing was compared, so nothing is known to differ.
 */
final class ViewAudit {

    static final String OUTCOMES = "outcomes";
    static final String BALANCES = "balances";
    static final String SETTLEMENT_ROWS = "settlement rows";
    static final String TRIAL_BALANCE = "trial balance";

    /** Keys compared at once: the progress line moves and memory stays bounded between chunks. */
    private static final int CHUNK = 2_000;
    /**
     * Outcomes go through the bulk read, a request per 1,000 ids: a chunk of 20 requests keeps the
     * HTTP client's requests in flight (--http-concurrency) busy while the answers of ~20,000 outcomes
     * are held.
     */
    private static final int OUTCOMES_CHUNK = 20_000;
    /** The views trail the outcomes by a commit or two: nothing to wait on but the next answer. */
    private static final Duration RECHECK_PAUSE = Duration.ofMillis(500);

    /** What one comparison found of a key: a difference, or no answer to compare. */
    private record Finding(String text, boolean unanswered) {

        static Finding differs(String text) {
            return new Finding(text, false);
        }

        static Finding unansweredNow(String text) {
            return new Finding(text, true);
        }
    }

    private final QuerySide query;
    private final Recomputation recomputed;
    private final Differences differences;
    private final Duration recheckFor;
    private final int outcomeSample;

    /**
     * @param outcomeSample at most how many events' outcomes are read through the query API ({@link OutcomeSample})
     */
    ViewAudit(
            QuerySide query,
            Recomputation recomputed,
            Differences differences,
            Duration recheckFor,
            int outcomeSample) {
        this.query = query;
        this.recomputed = recomputed;
        this.differences = differences;
        this.recheckFor = recheckFor;
        this.outcomeSample = outcomeSample;
    }

    /** Returns how many events were checked: the sample's size. */
    long outcomes(LongConsumer progress) {
        List<String> ids = OutcomeSample.spread(recomputed.eventIds(), outcomeSample);
        compareAll(
                OUTCOMES,
                ids,
                OUTCOMES_CHUNK,
                chunk -> {
                    Map<String, Finding> differing = new LinkedHashMap<>();
                    Map<String, Optional<EventOutcome>> answers = query.outcomes(chunk);
                    for (String id : chunk) {
                        EventOutcome expected = recomputed.outcome(id).orElseThrow();
                        Optional<EventOutcome> shown = answers.get(id);
                        if (shown == null) {
                            differing.put(
                                    id,
                                    Finding.unansweredNow(
                                            "event " + id + ": the query API cannot answer now " + "(503)"));
                        } else if (shown.isEmpty()) {
                            differing.put(
                                    id,
                                    Finding.differs("event " + id + " has no outcome in the query API; the log "
                                            + "gives " + Describe.outcome(expected)));
                        } else if (!asShown(shown.get()).equals(asShown(expected))
                                && !recomputed.reusedAcrossKeys(id)) {
                            differing.put(
                                    id,
                                    Finding.differs(
                                            "event " + id + ": the query API shows " + Describe.outcome(shown.get())
                                                    + "; the log gives " + Describe.outcome(expected)));
                        }
                    }
                    return differing;
                },
                progress);
        return ids.size();
    }

    /**
     * The outcome without what the API shows only to some callers: {@code payloadSha256} (to the
     * ledger's own processes) and {@code appendedBy} (to admin and auditor keys). The topic audit
     * compares them.
     */
    private static EventOutcome asShown(EventOutcome outcome) {
        return new EventOutcome(
                outcome.getEventId(),
                outcome.getKey(),
                outcome.getEventType(),
                outcome.getOccurredAt(),
                outcome.getOutcome(),
                outcome.getReason(),
                outcome.getPostings(),
                null,
                null);
    }

    /** Returns how many accounts were checked. */
    long balances(LongConsumer progress) {
        Map<String, Map<String, BalanceLine>> expected = recomputed.balances();
        List<String> accounts = new ArrayList<>(expected.keySet());
        compareAll(
                BALANCES,
                accounts,
                CHUNK,
                chunk -> {
                    Map<String, Finding> differing = new LinkedHashMap<>();
                    query.balances(chunk).forEach((account, shown) -> {
                        List<BalanceLine> want =
                                new ArrayList<>(expected.get(account).values());
                        if (shown.isEmpty()) {
                            differing.put(
                                    account,
                                    Finding.unansweredNow(
                                            "account " + account + ": the query API cannot " + "answer now (503)"));
                            return;
                        }
                        List<BalanceLine> got = new ArrayList<>(shown.get());
                        got.sort((a, b) -> a.currency().compareTo(b.currency()));
                        if (!want.equals(got)) {
                            differing.put(
                                    account,
                                    Finding.differs("account " + account + ": the query API shows " + lines(got)
                                            + "; the log gives " + lines(want)));
                        }
                    });
                    return differing;
                },
                progress);
        return accounts.size();
    }

    /** Returns how many rows were checked, over how many dates ({@code [rows, dates]}). */
    long[] settlementRows(LongConsumer progress) {
        Map<LocalDate, List<SettlementRow>> expected = recomputed.settlementRowsByDate();
        List<LocalDate> dates = new ArrayList<>(expected.keySet());
        compareAll(
                SETTLEMENT_ROWS,
                dates,
                CHUNK,
                chunk -> {
                    Map<LocalDate, Finding> differing = new LinkedHashMap<>();
                    for (LocalDate date : chunk) {
                        Map<String, SettlementRow> want = byMerchant(expected.get(date));
                        Map<String, SettlementRow> got = byMerchant(query.settlementRowsOn(date));
                        List<String> lines = new ArrayList<>();
                        want.forEach((merchant, row) -> {
                            SettlementRow shown = got.get(merchant);
                            if (shown == null) {
                                lines.add("no row for " + merchant + " (the log gives " + row(row) + ")");
                            } else if (!shown.equals(row)) {
                                lines.add(merchant + ": the query API shows " + row(shown) + "; the log gives "
                                        + row(row));
                            }
                        });
                        got.keySet().stream()
                                .filter(m -> !want.containsKey(m))
                                .forEach(m -> lines.add("a row the log does not give: " + row(got.get(m))));
                        if (!lines.isEmpty()) {
                            differing.put(
                                    date,
                                    Finding.differs("settlement rows of " + date + ": " + String.join("; ", lines)));
                        }
                    }
                    return differing;
                },
                progress);
        return new long[] {expected.values().stream().mapToLong(List::size).sum(), dates.size()};
    }

    /** Returns the recomputed trial balance, checked against the API's and against zero. */
    Map<String, RecomputedTrialBalance> trialBalance() {
        Map<String, RecomputedTrialBalance> want = recomputed.trialBalance();
        compareAll(
                TRIAL_BALANCE,
                List.of("all"),
                CHUNK,
                chunk -> {
                    Map<String, RecomputedTrialBalance> got = new TreeMap<>();
                    query.trialBalance().forEach(line -> got.put(line.currency(), line));
                    Map<String, Finding> differing = new LinkedHashMap<>();
                    if (!got.equals(want)) {
                        differing.put(
                                "all",
                                Finding.differs(
                                        "the query API shows " + got.values() + "; the log gives " + want.values()));
                    }
                    return differing;
                },
                progress -> {});
        want.values().stream()
                .filter(line -> line.total() != 0)
                .forEach(line -> differences.add(
                        TRIAL_BALANCE,
                        "the log's own postings do not sum to zero in " + line.currency() + ": " + line.total()));
        return want;
    }

    /**
     * Compares every key, a chunk at a time, then asks again for those that differ or were not answered
     * until they agree or {@code recheckFor} has passed; what still differs is a difference, what is still
     * not answered is unanswered.
     */
    private <K> void compareAll(
            String check,
            List<K> keys,
            int chunkSize,
            Function<List<K>, Map<K, Finding>> compare,
            LongConsumer progress) {
        Map<K, Finding> differing = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += chunkSize) {
            List<K> chunk = keys.subList(from, Math.min(keys.size(), from + chunkSize));
            differing.putAll(compare.apply(chunk));
            progress.accept(from + chunk.size());
        }
        PollDeadline recheck = PollDeadline.within(recheckFor, RECHECK_PAUSE);
        while (!differing.isEmpty() && recheck.pauseBeforeNextPoll()) {
            differing = compare.apply(new ArrayList<>(differing.keySet()));
        }
        differing.values().forEach(finding -> {
            if (finding.unanswered()) {
                differences.unanswered(check, finding.text());
            } else {
                differences.add(check, finding.text());
            }
        });
    }

    private static Map<String, SettlementRow> byMerchant(List<SettlementRow> rows) {
        Map<String, SettlementRow> byMerchant = new TreeMap<>();
        rows.forEach(row -> byMerchant.put(row.getMerchantId() + " " + row.getCurrency(), row));
        return byMerchant;
    }

    private static String row(SettlementRow r) {
        return r.getMerchantId() + " " + r.getBusinessDate() + " " + r.getCurrency() + " count " + r.getCount()
                + ", gross " + r.getGross() + ", refunds " + r.getRefunds() + ", chargebacks " + r.getChargebacks()
                + ", fees " + r.getFees() + ", commission " + r.getCommission() + ", net " + r.getNet()
                + ", paidOut " + r.getPaidOut() + ", payouts " + r.getPayouts() + ", " + r.getStatus();
    }

    private static String lines(List<BalanceLine> lines) {
        if (lines.isEmpty()) {
            return "no balance";
        }
        List<String> text = new ArrayList<>();
        lines.forEach(b -> text.add(b.currency() + " balance " + b.balance() + " (credits " + b.credits() + ", debits "
                + b.debits() + ")"));
        return String.join(", ", text);
    }
}
