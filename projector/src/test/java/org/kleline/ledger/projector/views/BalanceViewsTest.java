package org.kleline.ledger.projector.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.projector.views.BalanceStage.driver;
import static org.kleline.ledger.projector.views.BalanceStage.history;
import static org.kleline.ledger.projector.views.BalanceStage.line;
import static org.kleline.ledger.projector.views.BalanceStage.pipe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.BalanceTotalsMath;
import org.kleline.ledger.projector.read.StoreNames;

class BalanceViewsTest {

    private static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z
    private static final long HOUR = AccountKeys.HOUR_MS;

    private static List<PostingLine> postings() {
        return List.of(
                line("wallet:w1", 10_000, "e1", T0),
                line("platform:card-clearing", -10_000, "e1", T0),
                line("wallet:w1", -2_500, "e2", T0 + HOUR + 5),
                line("merchant:m1", 2_450, "e2", T0 + HOUR + 5),
                line("platform:fees", 50, "e2", T0 + HOUR + 5),
                line("wallet:w1", -1_000, "e3", T0 + 2 * HOUR),
                line("merchant:m1", 1_000, "e3", T0 + 2 * HOUR),
                line("wallet:w1", -500, "e0", T0 + 2 * HOUR),
                line("merchant:m1", 500, "e0", T0 + 2 * HOUR));
    }

    @Test
    void balancesAreCreditsMinusDebitsAndTheTrialBalanceIsZero() {
        try (TopologyTestDriver driver = driver()) {
            pipe(driver, postings());
            KeyValueStore<String, BalanceTotals> balances = driver.getKeyValueStore(StoreNames.BALANCES);
            assertThat(balances.get("wallet:w1|EUR")).isEqualTo(new BalanceTotals(10_000L, 4_000L, 4L));
            assertThat(balances.get("merchant:m1|EUR")).isEqualTo(new BalanceTotals(3_950L, 0L, 3L));
            assertThat(balances.get("platform:card-clearing|EUR")).isEqualTo(new BalanceTotals(0L, 10_000L, 1L));
            KeyValueStore<String, BalanceTotals> trial = driver.getKeyValueStore(StoreNames.TRIAL_BALANCE);
            assertThat(trial.get("EUR")).isEqualTo(new BalanceTotals(14_000L, 14_000L, 9L));
        }
    }

    @Test
    void storedFiguresDoNotDependOnArrivalOrder() {
        List<PostingLine> reversed = new ArrayList<>(postings());
        Collections.reverse(reversed);
        List<PostingLine> shuffled = new ArrayList<>(postings());
        Collections.shuffle(shuffled, new java.util.Random(42));
        Map<String, Map<String, Object>> inOrder = contents(postings());
        assertThat(contents(reversed)).isEqualTo(inOrder);
        assertThat(contents(shuffled)).isEqualTo(inOrder);
    }

    @Test
    void balanceAsOfCountsEveryPostingAtOrBeforeTheInstant() {
        try (TopologyTestDriver driver = driver()) {
            List<PostingLine> reversed = new ArrayList<>(postings());
            Collections.reverse(reversed);
            pipe(driver, reversed);
            AccountHistory history = history(driver);
            assertThat(BalanceTotalsMath.balance(history.asOf("wallet:w1", "EUR", T0 - 1)))
                    .isZero();
            assertThat(BalanceTotalsMath.balance(history.asOf("wallet:w1", "EUR", T0)))
                    .isEqualTo(10_000);
            assertThat(BalanceTotalsMath.balance(history.asOf("wallet:w1", "EUR", T0 + HOUR + 4)))
                    .isEqualTo(10_000);
            assertThat(BalanceTotalsMath.balance(history.asOf("wallet:w1", "EUR", T0 + HOUR + 5)))
                    .isEqualTo(7_500);
            assertThat(BalanceTotalsMath.balance(history.asOf("wallet:w1", "EUR", T0 + 2 * HOUR)))
                    .isEqualTo(6_000);
            assertThat(history.asOf("wallet:w1", "EUR", T0 + 100 * HOUR))
                    .isEqualTo(new BalanceTotals(10_000L, 4_000L, 4L));
            assertThat(BalanceTotalsMath.balance(history.asOf("wallet:w1", "USD", T0 + 100 * HOUR)))
                    .isZero();
        }
    }

    @Test
    void statementListsLinesInTimeThenEventIdOrderWithTheBalanceAfterEach() {
        try (TopologyTestDriver driver = driver()) {
            List<PostingLine> reversed = new ArrayList<>(postings());
            Collections.reverse(reversed);
            pipe(driver, reversed);
            AccountHistory history = history(driver);

            AccountHistory.StatementPage first = history.statement("wallet:w1", "EUR", T0, T0 + 3 * HOUR, null, 2);
            assertThat(first.lines()).extracting(l -> l.entry().getEventId()).containsExactly("e1", "e2");
            assertThat(first.lines())
                    .extracting(AccountHistory.StatementLine::balanceAfterMinor)
                    .containsExactly(10_000L, 7_500L);
            assertThat(first.nextAfterKey()).isEqualTo(first.lines().get(1).key());

            AccountHistory.StatementPage second =
                    history.statement("wallet:w1", "EUR", T0, T0 + 3 * HOUR, first.nextAfterKey(), 2);
            assertThat(second.lines()).extracting(l -> l.entry().getEventId()).containsExactly("e0", "e3");
            assertThat(second.lines()).extracting(l -> l.entry().getAmount()).containsExactly(-500L, -1_000L);
            assertThat(second.lines())
                    .extracting(AccountHistory.StatementLine::balanceAfterMinor)
                    .containsExactly(7_000L, 6_000L);
            assertThat(second.nextAfterKey()).isNull();

            AccountHistory.StatementPage late =
                    history.statement("wallet:w1", "EUR", T0 + HOUR, T0 + 3 * HOUR, null, 10);
            assertThat(late.lines())
                    .extracting(AccountHistory.StatementLine::balanceAfterMinor)
                    .containsExactly(7_500L, 7_000L, 6_000L);
        }
    }

    @Test
    void twoPostingsOfOneEventOnOneAccountShareOneLine() {
        try (TopologyTestDriver driver = driver()) {
            pipe(driver, List.of(line("merchant:m1", 300, "x", T0), line("merchant:m1", -100, "x", T0)));
            KeyValueStore<String, AccountEntry> entries = driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES);
            assertThat(entries.get(AccountKeys.entry("merchant:m1", "EUR", T0, "x"))
                            .getAmount())
                    .isEqualTo(200L);
            assertThat(BalanceTotalsMath.balance(history(driver).asOf("merchant:m1", "EUR", T0)))
                    .isEqualTo(200L);
        }
    }

    @Test
    void entryKeysSortByTimeIncludingBeforeTheEpoch() {
        List<String> keys = new ArrayList<>(List.of(
                AccountKeys.entry("a", "EUR", 5, "z"),
                AccountKeys.entry("a", "EUR", -5, "a"),
                AccountKeys.entry("a", "EUR", 5, "a"),
                AccountKeys.entry("a", "EUR", 1L << 40, "a"),
                AccountKeys.entry("a", "EUR", 0, "b")));
        Collections.sort(keys);
        assertThat(keys)
                .containsExactly(
                        AccountKeys.entry("a", "EUR", -5, "a"),
                        AccountKeys.entry("a", "EUR", 0, "b"),
                        AccountKeys.entry("a", "EUR", 5, "a"),
                        AccountKeys.entry("a", "EUR", 5, "z"),
                        AccountKeys.entry("a", "EUR", 1L << 40, "a"));
    }

    private static Map<String, Map<String, Object>> contents(List<PostingLine> lines) {
        try (TopologyTestDriver driver = driver()) {
            pipe(driver, lines);
            Map<String, Map<String, Object>> all = new TreeMap<>();
            for (String store : List.of(
                    StoreNames.BALANCES,
                    StoreNames.BALANCE_HOURS,
                    StoreNames.ACCOUNT_ENTRIES,
                    StoreNames.TRIAL_BALANCE)) {
                Map<String, Object> content = new TreeMap<>();
                KeyValueStore<String, Object> kv = driver.getKeyValueStore(store);
                try (KeyValueIterator<String, Object> it = kv.all()) {
                    it.forEachRemaining(e -> content.put(e.key, e.value));
                }
                all.put(store, content);
            }
            return all;
        }
    }
}
