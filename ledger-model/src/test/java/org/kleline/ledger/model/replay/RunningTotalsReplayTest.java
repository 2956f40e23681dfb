package org.kleline.ledger.model.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.payout;
import static org.kleline.ledger.model.fixtures.Events.refund;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.model.settlement.SettlementRun;
import org.kleline.ledger.model.topics.EventPartitions;
import org.kleline.ledger.model.totals.RunningTotal;
import org.kleline.ledger.model.wallet.WalletState;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * Running totals near 2^63-1, reached with real events: a settlement payout may carry any amount of
 * at least 1, so one payout of {@code MAX - 100} takes the merchant's debits, platform:payouts' credits
 * and the trial balance's credits and debits of its partition to {@code MAX - 100}. An event whose
 * postings would take one of its partition's totals past {@link Long#MAX_VALUE} is REJECTED
 * LIMIT_EXCEEDED with nothing applied, and the replay goes on.
 */
class RunningTotalsReplayTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final AccountCurrency MERCHANT = account("merchant:m-1");
    private static final AccountCurrency PAYOUTS = account("platform:payouts");
    private static final AccountCurrency CLEARING = account("platform:card-clearing");

    private static AccountCurrency account(String id) {
        return new AccountCurrency(AccountId.parse(id), EUR);
    }

    private static EventEnvelope settlementPayout(String payoutId, long amount) {
        return event(payoutId, T0, payout("m-1", payoutId, D0, amount));
    }

    /** A ledger that onboarded m-1 and paid it out MAX - 100 for D0. */
    private static LedgerReplay nearlyFull() {
        LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar());
        assertThat(ledger.apply(event("on-1", T0.minusSeconds(86_400), onboarding("m-1", null, "EUR", standardPlan())))
                        .outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(ledger.apply(settlementPayout("po-m-1-2026-11-27", MAX - 100))
                        .outcome())
                .isEqualTo(Outcome.ACCEPTED);
        return ledger;
    }

    @Test
    void anEventThatWouldTakeAnAccountPastTheMaximumIsRejectedLimitExceededAndTheNextOneIsDecided() {
        LedgerReplay ledger = nearlyFull();
        MerchantState merchantBefore = ledger.merchant("m-1").orElseThrow();

        Decision<?> overflowing = ledger.apply(settlementPayout("po-m-1-2026-11-27-2", 101));

        assertThat(overflowing.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(overflowing.reason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
        assertThat(overflowing.postings()).isEmpty();
        assertThat(overflowing.settlementEffect()).isNull();
        assertThat(ledger.outcome("po-m-1-2026-11-27-2").orElseThrow().getReason())
                .isEqualTo(RejectionReason.LIMIT_EXCEEDED);
        assertThat(ledger.outcome("po-m-1-2026-11-27-2").orElseThrow().getPostings())
                .isEmpty();
        assertThat(ledger.merchant("m-1")).containsSame(merchantBefore);
        assertThat(ledger.accountTotalOn(0, MERCHANT)).isEqualTo(new RunningTotal(0, MAX - 100, 1));
        assertThat(ledger.trialBalanceTotalOn(0, EUR)).isEqualTo(new RunningTotal(MAX - 100, MAX - 100, 2));
        assertThat(ledger.settlements()).singleElement().satisfies(row -> {
            assertThat(row.paidOut()).isEqualTo(MAX - 100);
            assertThat(row.payouts()).isEqualTo(1);
        });
        // Retried, the same eventId is a DUPLICATE of the rejection, like any other.
        assertThat(ledger.apply(settlementPayout("po-m-1-2026-11-27-2", 101)).outcome())
                .isEqualTo(Outcome.DUPLICATE);

        Decision<?> next = ledger.apply(event("pay-3", T0, payout("m-1", "manual-3", D0.plusDays(1), 100)));

        assertThat(next.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(ledger.accountTotalOn(0, MERCHANT)).isEqualTo(new RunningTotal(0, MAX, 2));
        assertThat(ledger.balance(MERCHANT)).isEqualTo(-MAX);
        assertThat(ledger.balance(PAYOUTS)).isEqualTo(MAX);
        assertThat(ledger.trialBalance()).isEqualTo(Map.of(EUR, 0L));
        assertThat(ledger.apply(event("pay-4", T0, payout("m-1", "manual-4", D0.plusDays(1), 1)))
                        .reason())
                .isEqualTo(RejectionReason.LIMIT_EXCEEDED);
    }

    @Test
    void theTrialBalanceOfThePartitionAloneCanRefuseAnEventEveryAccountOfWhichFits() {
        LedgerReplay ledger = nearlyFull();
        ledger.apply(event("w-open", T0, walletOpened("w-1", "EUR", 1_000_000_000_000L)));

        Decision<?> overflowing = ledger.apply(event("top-1", T0, topUp("w-1", 1_000)));

        assertThat(overflowing.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(overflowing.reason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
        assertThat(ledger.wallet("w-1").map(WalletState::balanceMinor)).contains(0L);
        assertThat(ledger.balances()).doesNotContainKey(account("wallet:w-1"));
        assertThat(ledger.trialBalanceTotalOn(0, EUR)).isEqualTo(new RunningTotal(MAX - 100, MAX - 100, 2));

        Decision<?> next = ledger.apply(event("top-2", T0, topUp("w-1", 100)));

        assertThat(next.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(ledger.wallet("w-1").map(WalletState::balanceMinor)).contains(100L);
        assertThat(ledger.trialBalanceTotalOn(0, EUR)).isEqualTo(new RunningTotal(MAX, MAX, 4));
        assertThat(ledger.balance(account("wallet:w-1"))).isEqualTo(100);
        assertThat(ledger.balance(CLEARING)).isEqualTo(-100);
    }

    @Test
    void eachPartitionKeepsItsOwnTotalsSoTheSameEventFitsOnAnotherPartition() {
        int partitions = 2;
        int merchants = EventPartitions.partitionOf("merchant:m-1", partitions);
        String otherWallet = walletOn(1 - merchants, partitions);
        String sameWallet = walletOn(merchants, partitions);
        LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar(), partitions);
        ledger.apply(
                event("on-1", T0.minusSeconds(86_400), onboarding("m-1", null, "EUR", standardPlan())),
                new LogPosition(merchants, 0, null));
        ledger.apply(settlementPayout("po-m-1-2026-11-27", MAX - 100), new LogPosition(merchants, 1, null));
        ledger.apply(
                event("open-a", T0, walletOpened(otherWallet, "EUR", 1_000_000_000_000L)),
                new LogPosition(1 - merchants, 0, null));
        ledger.apply(
                event("open-b", T0, walletOpened(sameWallet, "EUR", 1_000_000_000_000L)),
                new LogPosition(merchants, 2, null));

        Decision<?> elsewhere =
                ledger.apply(event("top-a", T0, topUp(otherWallet, 1_000)), new LogPosition(1 - merchants, 1, null));
        Decision<?> here =
                ledger.apply(event("top-b", T0, topUp(sameWallet, 1_000)), new LogPosition(merchants, 3, null));

        assertThat(elsewhere.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(here.reason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
        assertThat(ledger.trialBalanceTotalOn(1 - merchants, EUR)).isEqualTo(new RunningTotal(1_000, 1_000, 2));
        assertThat(ledger.trialBalanceTotalOn(merchants, EUR)).isEqualTo(new RunningTotal(MAX - 100, MAX - 100, 2));
        assertThat(ledger.balance(account("wallet:" + otherWallet))).isEqualTo(1_000);
        // Across partitions the trial balance's credits pass the range of a long: reading it fails, the replay did not.
        assertThatThrownBy(ledger::trialBalance)
                .isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("the trial balance in EUR: the credits or debits of every partition's part");
    }

    @Test
    void aSettlementRowBeyondTheRangeOfALongStopsAtItsBoundInEveryOrderOfFeedingAndIsNotPaid() {
        int partitions = 2;
        int merchants = EventPartitions.partitionOf("merchant:m-1", partitions);
        int payments = 1 - merchants;
        String paymentId = paymentOn(payments, partitions);
        List<Long> stamp = new ArrayList<>(Collections.nCopies(partitions, 0L));
        stamp.set(merchants, 2L);
        List<List<Integer>> orders = List.of(List.of(0, 1, 2, 3, 4), List.of(0, 2, 3, 4, 1));

        List<List<DailySettlement>> rows = new ArrayList<>();
        for (List<Integer> order : orders) {
            // Fresh records for each replay: the onboarding, the payout, then the payment's events.
            List<EventEnvelope> log = List.of(
                    event("on-1", T0.minusSeconds(2 * 86_400), onboarding("m-1", null, "EUR", standardPlan())),
                    settlementPayout("po-m-1-2026-11-27", MAX - 100),
                    event("auth", T0.minusSeconds(86_400), authorization(paymentId, "m-1", 5_000, "EUR")),
                    event("cap", T0.minusSeconds(86_400), capture(paymentId, 5_000)),
                    event("ref", T0, refund(paymentId, 1_000)));
            List<LogPosition> where = List.of(
                    new LogPosition(merchants, 0, null),
                    new LogPosition(merchants, 1, null),
                    new LogPosition(payments, 0, stamp),
                    new LogPosition(payments, 1, stamp),
                    new LogPosition(payments, 2, stamp));
            LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar(), partitions);
            for (int i : order) {
                EventEnvelope e = log.get(i);
                e.setAppendedAfter(where.get(i).appendedAfter());
                assertThat(ledger.apply(e, where.get(i)).outcome())
                        .as(e.getEventId())
                        .isEqualTo(Outcome.ACCEPTED);
            }
            rows.add(ledger.settlements());
        }

        assertThat(rows.get(1)).isEqualTo(rows.get(0));
        SettlementKey d0 = new SettlementKey(new MerchantId("m-1"), D0, EUR);
        DailySettlement row =
                rows.get(0).stream().filter(r -> r.key().equals(d0)).findFirst().orElseThrow();
        assertThat(row).isEqualTo(new DailySettlement(d0, 0, 0, 1_000, 0, 0, 0, MAX - 100, 1));
        assertThat(row.net()).isEqualTo(-1_000);
        assertThat(row.due()).isEqualTo(Long.MIN_VALUE);
        assertThat(row.inRange()).isFalse();
        assertThat(SettlementRun.payouts(D0, List.of(row))).isEmpty();
    }

    private static String walletOn(int partition, int partitions) {
        for (int i = 0; ; i++) {
            if (EventPartitions.partitionOf("wallet:w-" + i, partitions) == partition) {
                return "w-" + i;
            }
        }
    }

    private static String paymentOn(int partition, int partitions) {
        for (int i = 0; ; i++) {
            if (EventPartitions.partitionOf("payment:c-" + i, partitions) == partition) {
                return "c-" + i;
            }
        }
    }
}
