package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.projector.topology.TestEvents.MINUTE;
import static org.kleline.ledger.projector.topology.TestEvents.PLAN;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.onboard;
import static org.kleline.ledger.projector.topology.TestEvents.openWallet;
import static org.kleline.ledger.projector.topology.TestEvents.payout;
import static org.kleline.ledger.projector.topology.TestEvents.topUp;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.projector.decide.DecisionKeys;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.WalletRecord;

/**
 * A running total of a partition near {@link Long#MAX_VALUE} (an account's balance part, the trial
 * balance's part, an hour part): an event whose postings would take it past is REJECTED
 * LIMIT_EXCEEDED, with no posting and no change of state, as LedgerReplay decides it; the projector
 * does not stop, and the next event is decided as usual. Reached with real events where the rules
 * allow it (a settlement payout may carry any amount of at least 1), by writing the stores through
 * the driver where they do not (one total alone near the maximum).
 */
class RunningTotalsLimitTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final long LARGE_MAX_BALANCE = 1_000_000_000_000L;

    @TempDir
    Path stateDir;

    @TempDir
    Path rebuiltDir;

    /** m1 onboarded, then paid out MAX - 100 for March 1st by a settlement run. */
    private static List<EventEnvelope> nearlyFull() {
        return List.of(
                onboard("m1-on", "m1", "EUR", null, PLAN, T0),
                payout("po-m1-2024-03-01", "m1", "po-m1-2024-03-01", MARCH_1, MAX - 100, T0 + MINUTE));
    }

    private static final List<EventEnvelope> ACCOUNT_LOG = concat(
            nearlyFull(),
            List.of(
                    payout("po-m1-2024-03-01-2", "m1", "po-m1-2024-03-01-2", MARCH_1, 101, T0 + 2 * MINUTE),
                    payout("manual-3", "m1", "manual-3", MARCH_1.plusDays(1), 100, T0 + 3 * MINUTE)));

    private static final List<EventEnvelope> TRIAL_LOG = concat(
            nearlyFull(),
            List.of(
                    openWallet("w1-open", "w1", "EUR", LARGE_MAX_BALANCE, T0 + 2 * MINUTE),
                    topUp("w1-top-1", "w1", 1_000, T0 + 3 * MINUTE),
                    topUp("w1-top-2", "w1", 100, T0 + 4 * MINUTE)));

    @Test
    void anEventThatWouldTakeAMerchantsPartPastTheMaximumIsRejectedAndTheNextOneIsDecided() {
        try (ProjectorDriver driver = new ProjectorDriver(stateDir)) {
            driver.pipe(nearlyFull());
            driver.outcomes();
            driver.journal();
            driver.settlements();
            Map<String, Map<String, Object>> before = driver.storeContents();

            driver.pipe(ACCOUNT_LOG.get(2));

            EventOutcome rejected = driver.outcomesById().get("po-m1-2024-03-01-2");
            assertThat(rejected.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(rejected.getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
            assertThat(rejected.getPostings()).isEmpty();
            assertThat(driver.journal()).isEmpty();
            assertThat(driver.settlements()).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
            // Nothing of the event is stored but its outcome: no state, payout id, posting or line.
            Map<String, Map<String, Object>> after = driver.storeContents();
            assertThat(after.get(StoreNames.OUTCOMES)).containsEntry("po-m1-2024-03-01-2", rejected);
            after.get(StoreNames.OUTCOMES).remove("po-m1-2024-03-01-2");
            assertThat(after).isEqualTo(before);
            assertThat(driver.store(StoreNames.PAYOUT_IDS).get(DecisionKeys.payout("m1", "po-m1-2024-03-01-2")))
                    .isNull();
            assertThat(driver.totals("merchant:m1", "EUR")).isEqualTo(new BalanceTotals(0L, MAX - 100, 1L));

            driver.pipe(ACCOUNT_LOG.get(3));

            assertThat(driver.outcomesById().get("manual-3").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.journal()).extracting(kv -> kv.key).containsExactly("manual-3");
            assertThat(driver.totals("merchant:m1", "EUR")).isEqualTo(new BalanceTotals(0L, MAX, 2L));
            assertThat(driver.totals("platform:payouts", "EUR")).isEqualTo(new BalanceTotals(MAX, 0L, 2L));
            assertThat(trialBalance(driver)).isEqualTo(new BalanceTotals(MAX, MAX, 4L));
        }
    }

    @Test
    void theTrialBalancePartAloneCanRefuseAnEventEveryAccountOfWhichFits() {
        try (ProjectorDriver driver = new ProjectorDriver(stateDir)) {
            driver.pipe(TRIAL_LOG.subList(0, 3));
            WalletRecord walletBefore =
                    driver.<WalletRecord>store(StoreNames.WALLETS).get("wallet:w1");

            driver.pipe(TRIAL_LOG.get(3));

            EventOutcome rejected = driver.outcomesById().get("w1-top-1");
            assertThat(rejected.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(rejected.getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
            assertThat(rejected.getPostings()).isEmpty();
            assertThat(driver.<WalletRecord>store(StoreNames.WALLETS).get("wallet:w1"))
                    .isEqualTo(walletBefore);
            assertThat(driver.totals("wallet:w1", "EUR")).isNull();
            assertThat(trialBalance(driver)).isEqualTo(new BalanceTotals(MAX - 100, MAX - 100, 2L));

            driver.pipe(TRIAL_LOG.get(4));

            assertThat(driver.outcomesById().get("w1-top-2").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.balance("wallet:w1", "EUR")).isEqualTo(100);
            assertThat(trialBalance(driver)).isEqualTo(new BalanceTotals(MAX, MAX, 4L));
        }
    }

    @Test
    void everyOutcomeIsLedgerReplaysAndAProjectorRebuiltFromTheLogDecidesTheSame() {
        List<EventEnvelope> log = concat(ACCOUNT_LOG, TRIAL_LOG.subList(2, TRIAL_LOG.size()));
        LedgerReplay replay = new LedgerReplay(BusinessCalendar.defaultCalendar());
        log.forEach(replay::apply);
        try (ProjectorDriver live = new ProjectorDriver(stateDir);
                ProjectorDriver rebuilt = new ProjectorDriver(rebuiltDir)) {
            live.pipe(log);
            List<KeyValue<String, EventOutcome>> outcomes = live.outcomes();

            assertThat(outcomes).hasSize(log.size());
            for (KeyValue<String, EventOutcome> kv : outcomes) {
                assertThat(replay.outcome(kv.key)).contains(kv.value);
            }
            assertThat(outcomes)
                    .filteredOn(kv -> kv.value.getReason() == RejectionReason.LIMIT_EXCEEDED)
                    // After manual-3 the partition's trial balance holds MAX credits: no top-up fits any more.
                    .extracting(kv -> kv.key)
                    .containsExactly("po-m1-2024-03-01-2", "w1-top-1", "w1-top-2");

            rebuilt.pipe(log);
            assertThat(rebuilt.outcomes()).isEqualTo(outcomes);
            assertThat(rebuilt.storeContents()).isEqualTo(live.storeContents());
        }
    }

    @Test
    void aBalancePartSeededNearTheMaximumAloneRefusesWhatWouldPassIt() {
        try (ProjectorDriver driver = new ProjectorDriver(stateDir)) {
            driver.pipe(openWallet("w1-open", "w1", "EUR", LARGE_MAX_BALANCE, T0));
            driver.<BalanceTotals>store(StoreNames.BALANCES)
                    .put(AccountKeys.balance("wallet:w1", "EUR"), new BalanceTotals(MAX - 50, 0L, 1L));

            driver.pipe(topUp("w1-top-1", "w1", 51, T0 + MINUTE), topUp("w1-top-2", "w1", 50, T0 + 2 * MINUTE));

            Map<String, EventOutcome> outcomes = driver.outcomesById();
            assertThat(outcomes.get("w1-top-1").getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
            assertThat(outcomes.get("w1-top-2").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.totals("wallet:w1", "EUR")).isEqualTo(new BalanceTotals(MAX, 0L, 2L));
            assertThat(trialBalance(driver)).isEqualTo(new BalanceTotals(50L, 50L, 2L));
        }
    }

    @Test
    void aTrialBalancePartSeededNearTheMaximumAloneRefusesWhatWouldPassIt() {
        try (ProjectorDriver driver = new ProjectorDriver(stateDir)) {
            driver.pipe(openWallet("w1-open", "w1", "EUR", LARGE_MAX_BALANCE, T0));
            driver.<BalanceTotals>store(StoreNames.TRIAL_BALANCE).put("EUR", new BalanceTotals(MAX - 50, MAX - 50, 2L));

            driver.pipe(topUp("w1-top-1", "w1", 51, T0 + MINUTE), topUp("w1-top-2", "w1", 50, T0 + 2 * MINUTE));

            Map<String, EventOutcome> outcomes = driver.outcomesById();
            assertThat(outcomes.get("w1-top-1").getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
            assertThat(outcomes.get("w1-top-2").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.totals("wallet:w1", "EUR")).isEqualTo(new BalanceTotals(50L, 0L, 1L));
            assertThat(trialBalance(driver)).isEqualTo(new BalanceTotals(MAX, MAX, 4L));
        }
    }

    @Test
    void anHourPartSeededNearTheMaximumIsCheckedToo() {
        try (ProjectorDriver driver = new ProjectorDriver(stateDir)) {
            driver.pipe(openWallet("w1-open", "w1", "EUR", LARGE_MAX_BALANCE, T0));
            driver.<BalanceTotals>store(StoreNames.BALANCE_HOURS)
                    .put(AccountKeys.hour("wallet:w1", "EUR", T0), new BalanceTotals(MAX - 50, 0L, 1L));

            driver.pipe(topUp("w1-top-1", "w1", 51, T0 + MINUTE), topUp("w1-top-2", "w1", 51, T0 + 61 * MINUTE));

            Map<String, EventOutcome> outcomes = driver.outcomesById();
            assertThat(outcomes.get("w1-top-1").getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
            // An hour later, another hour part: accepted.
            assertThat(outcomes.get("w1-top-2").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.totals("wallet:w1", "EUR")).isEqualTo(new BalanceTotals(51L, 0L, 1L));
        }
    }

    private static BalanceTotals trialBalance(ProjectorDriver driver) {
        KeyValueStore<String, BalanceTotals> trial = driver.store(StoreNames.TRIAL_BALANCE);
        return trial.get("EUR");
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
