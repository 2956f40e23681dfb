package org.kleline.ledger.projector.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.projector.views.BalanceStage.driver;
import static org.kleline.ledger.projector.views.BalanceStage.history;
import static org.kleline.ledger.projector.views.BalanceStage.line;
import static org.kleline.ledger.projector.views.BalanceStage.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.BalanceTotalsMath;
import org.kleline.ledger.projector.read.HistoryNotKeptException;
import org.kleline.ledger.projector.read.HistoryRetention;
import org.kleline.ledger.projector.read.StoreNames;

class HistoryRetentionTest {

    private static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z
    private static final long HOUR = AccountKeys.HOUR_MS;
    private static final long TWO_HOURS = 2 * HOUR;
    /** Latest posting T0 + 6 h, less two hours, down to the hour: 2023-11-15T02:00Z. */
    private static final long HORIZON = AccountKeys.hourStart(T0) + 4 * HOUR;

    private static List<PostingLine> wallet() {
        return List.of(
                line("wallet:w1", 10_000, "top", T0),
                line("wallet:w1", -2_500, "pay1", T0 + HOUR + 5),
                line("wallet:w1", -1_000, "pay2", T0 + 5 * HOUR),
                line("wallet:w1", 300, "top2", T0 + 6 * HOUR));
    }

    /** The wallet's postings under a retention of two hours, folded once. */
    private static TopologyTestDriver walletFolded() {
        TopologyTestDriver driver = withRetention(Duration.ofHours(2));
        pipe(driver, wallet());
        fold(driver);
        return driver;
    }

    private static TopologyTestDriver withRetention(Duration retention) {
        Properties props = new Properties();
        props.put(HistoryRetention.CONFIG, Long.toString(retention.toMillis()));
        return driver(props);
    }

    private static void fold(TopologyTestDriver driver) {
        driver.advanceWallClockTime(AccountPostings.FOLD_INTERVAL);
    }

    /** The event ids of the statement lines kept, in key order. */
    private static List<String> statementLineEventIds(TopologyTestDriver driver) {
        Map<String, AccountEntry> entries = contents(driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES));
        return entries.values().stream().map(AccountEntry::getEventId).toList();
    }

    /** Wallet w1's EUR balance totals, every posting included whether or not its line is kept. */
    private static BalanceTotals walletBalance(TopologyTestDriver driver) {
        KeyValueStore<String, BalanceTotals> balances = driver.getKeyValueStore(StoreNames.BALANCES);
        return balances.get("wallet:w1|EUR");
    }

    @Test
    void balancesAsOfTheHorizonOrLaterReadTheSameAfterAFold() {
        try (TopologyTestDriver driver = withRetention(Duration.ofHours(2))) {
            pipe(driver, wallet());
            List<Long> instants =
                    List.of(HORIZON, HORIZON + 1, T0 + 5 * HOUR - 1, T0 + 5 * HOUR, T0 + 6 * HOUR, T0 + 100 * HOUR);
            List<BalanceTotals> before = new ArrayList<>();
            instants.forEach(t -> before.add(history(driver).asOf("wallet:w1", "EUR", t)));

            fold(driver);

            assertThat(history(driver).keptFromMs()).isEqualTo(HORIZON);
            List<BalanceTotals> after = new ArrayList<>();
            instants.forEach(t -> after.add(history(driver).asOf("wallet:w1", "EUR", t)));
            assertThat(after).isEqualTo(before);
            assertThat(after.get(0)).isEqualTo(new BalanceTotals(10_000L, 2_500L, 2L));
            assertThat(after.get(5)).isEqualTo(new BalanceTotals(10_300L, 3_500L, 4L));
        }
    }

    @Test
    void aBalanceAsOfAnInstantBeforeTheHorizonIsRefusedNamingTheHorizon() {
        try (TopologyTestDriver driver = withRetention(Duration.ofHours(2))) {
            pipe(driver, wallet());
            assertThat(BalanceTotalsMath.balance(history(driver).asOf("wallet:w1", "EUR", T0)))
                    .isEqualTo(10_000L);
            fold(driver);
            assertThatThrownBy(() -> history(driver).asOf("wallet:w1", "EUR", HORIZON - 1))
                    .isInstanceOf(HistoryNotKeptException.class)
                    .hasMessageContaining("2023-11-15T02:00:00Z")
                    .hasMessageContaining(HistoryRetention.CONFIG)
                    .satisfies(e -> assertThat(((HistoryNotKeptException) e).keptFromMs())
                            .isEqualTo(HORIZON));
        }
    }

    @Test
    void foldedHoursBecomeOneOpeningSumAndLinesBeforeTheHorizonAreDropped() {
        try (TopologyTestDriver driver = walletFolded()) {
            Map<String, BalanceTotals> hours = contents(driver.getKeyValueStore(StoreNames.BALANCE_HOURS));
            assertThat(hours)
                    .containsOnlyKeys(
                            AccountKeys.opening(AccountKeys.prefix("wallet:w1", "EUR")),
                            AccountKeys.hour("wallet:w1", "EUR", T0 + 5 * HOUR),
                            AccountKeys.hour("wallet:w1", "EUR", T0 + 6 * HOUR));
            assertThat(hours.get(AccountKeys.opening(AccountKeys.prefix("wallet:w1", "EUR"))))
                    .isEqualTo(new BalanceTotals(10_000L, 2_500L, 2L));
            assertThat(statementLineEventIds(driver)).containsExactly("pay2", "top2");
            assertThat(walletBalance(driver)).isEqualTo(new BalanceTotals(10_300L, 3_500L, 4L));
        }
    }

    @Test
    void aStatementStartsAtTheHorizonWithTheRightBalanceAfterEachLine() {
        try (TopologyTestDriver driver = walletFolded()) {
            AccountHistory.StatementPage page =
                    history(driver).statement("wallet:w1", "EUR", T0 - HOUR, T0 + 10 * HOUR, null, 10);
            assertThat(page.lines()).extracting(l -> l.entry().getEventId()).containsExactly("pay2", "top2");
            assertThat(page.lines())
                    .extracting(AccountHistory.StatementLine::balanceAfterMinor)
                    .containsExactly(6_500L, 6_800L);
        }
    }

    @Test
    void aLatePostingBeforeTheHorizonGoesIntoTheOpeningSumWithoutALine() {
        try (TopologyTestDriver driver = walletFolded()) {
            pipe(driver, List.of(line("wallet:w1", -700, "late", T0 + 30 * 60_000L)));
            assertThat(history(driver).asOf("wallet:w1", "EUR", HORIZON))
                    .isEqualTo(new BalanceTotals(10_000L, 3_200L, 3L));
            assertThat(statementLineEventIds(driver)).doesNotContain("late");
            assertThat(walletBalance(driver)).isEqualTo(new BalanceTotals(10_300L, 4_200L, 5L));
        }
    }

    @Test
    void theHorizonOnlyMovesForward() {
        try (TopologyTestDriver driver = walletFolded()) {
            pipe(driver, List.of(line("wallet:w1", 1, "t7", T0 + 7 * HOUR)));
            fold(driver);
            assertThat(history(driver).keptFromMs()).isEqualTo(HORIZON + HOUR);
            assertThat(history(driver).asOf("wallet:w1", "EUR", T0 + 7 * HOUR))
                    .isEqualTo(new BalanceTotals(10_301L, 3_500L, 5L));
        }
    }

    @Test
    void withoutARetentionNothingIsEverFolded() {
        try (TopologyTestDriver driver = driver()) {
            pipe(driver, wallet());
            fold(driver);
            assertThat(history(driver).keptFromMs()).isEqualTo(Long.MIN_VALUE);
            assertThat(contents(driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES)))
                    .hasSize(4);
            assertThat(BalanceTotalsMath.balance(history(driver).asOf("wallet:w1", "EUR", T0)))
                    .isEqualTo(10_000L);
        }
    }

    @Test
    void theRetentionIsMillisecondsOfAtLeastAnHourAndAbsentMeansForEver() {
        assertThat(HistoryRetention.from(Map.of()).forever()).isTrue();
        assertThat(HistoryRetention.from(Map.of(HistoryRetention.CONFIG, " ")).forever())
                .isTrue();
        assertThat(HistoryRetention.from(Map.of(HistoryRetention.CONFIG, "3600000"))
                        .kept())
                .isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> HistoryRetention.from(Map.of(HistoryRetention.CONFIG, "3599999")))
                .hasMessageContaining(HistoryRetention.CONFIG)
                .hasMessageContaining("PT59M59.999S");
        assertThatThrownBy(() -> HistoryRetention.from(Map.of(HistoryRetention.CONFIG, "13 months")))
                .hasMessageContaining(HistoryRetention.CONFIG)
                .hasMessageContaining("'13 months'");
    }

    @Test
    void hourKeysReadBackTheirHourAndTheOpeningSortsFirst() {
        String key = AccountKeys.hour("wallet:w1", "EUR", T0);
        assertThat(AccountKeys.hourOf(key)).isEqualTo(AccountKeys.hourStart(T0));
        assertThat(AccountKeys.prefixOfHour(key)).isEqualTo(AccountKeys.prefix("wallet:w1", "EUR"));
        assertThat(AccountKeys.hourOf(AccountKeys.hour("a", "EUR", -HOUR - 1))).isEqualTo(-2 * HOUR);
        String opening = AccountKeys.opening(AccountKeys.prefix("wallet:w1", "EUR"));
        assertThat(opening).isLessThan(AccountKeys.hour("wallet:w1", "EUR", Long.MIN_VALUE + 2 * HOUR));
        assertThat(AccountKeys.hourOf(opening)).isEqualTo(Long.MIN_VALUE);
    }

    private static <V> Map<String, V> contents(KeyValueStore<String, V> store) {
        Map<String, V> all = new java.util.TreeMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                all.put(kv.key, kv.value);
            }
        }
        return all;
    }
}
