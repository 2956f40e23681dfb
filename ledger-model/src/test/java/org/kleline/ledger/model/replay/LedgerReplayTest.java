package org.kleline.ledger.model.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.chargeback;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.micropayment;
import static org.kleline.ledger.model.fixtures.Events.minutes;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.redemption;
import static org.kleline.ledger.model.fixtures.Events.refund;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.cardpayment.CardPaymentStatus;
import org.kleline.ledger.model.fixtures.SettlementRows;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementRun;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.settlement.SettlementStatus;

/** A day of the business replayed from its log, with every figure checked. */
class LedgerReplayTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar());

    private void replayADayOfSales() {
        ledger.apply(event("e-m1", T0.minusSeconds(3_600), onboarding("m-1", "pa-1", "EUR", standardPlan())));
        ledger.apply(event("e-w1", minutes(1), walletOpened("w-1", "EUR", 15_000)));
        ledger.apply(event("e-t1", minutes(2), topUp("w-1", 10_000)));
        ledger.apply(event("e-mp1", minutes(3), micropayment("w-1", "m-1", 1_000)));
        ledger.apply(event("e-a1", minutes(4), authorization("p-1", "m-1", 10_000, "EUR")));
        ledger.apply(event("e-c1", minutes(5), capture("p-1", 10_000)));
        ledger.apply(event("e-r1", minutes(6), refund("p-1", 4_000)));
        ledger.apply(event("e-cb1", minutes(7), chargeback("p-1", 3_000)));
    }

    private long balance(String account) {
        return ledger.balance(new AccountCurrency(AccountId.parse(account), EUR));
    }

    @Test
    void balancesFollowThePostingRules() {
        replayADayOfSales();
        assertThat(balance("wallet:w-1")).isEqualTo(9_000);
        assertThat(balance("platform:card-clearing")).isEqualTo(-13_000);
        assertThat(balance("merchant:m-1"))
                .isEqualTo(965 + 9_825 - 4_000 - 4_500)
                .isEqualTo(2_290);
        assertThat(balance("platform:fees")).isEqualTo(28 + 140 + 1_500);
        assertThat(balance("partner:pa-1")).isEqualTo(7 + 35);
        assertThat(ledger.trialBalance()).isEqualTo(Map.of(EUR, 0L));
    }

    @Test
    void settlementRowSumsTheMerchantsDay() {
        replayADayOfSales();
        DailySettlement row = ledger.settlementsOn(D0).get(0);
        assertThat(row.toAvro()).isEqualTo(SettlementRows.dayOfSales(0L, 0, SettlementStatus.OPEN));
        assertThat(ledger.payment("p-1").orElseThrow().status()).isEqualTo(CardPaymentStatus.CHARGED_BACK);
    }

    @Test
    void duplicateKeepsTheFirstOutcomeAndChangesNothing() {
        replayADayOfSales();
        var duplicate = ledger.apply(event("e-t1", minutes(8), topUp("w-1", 5_000)));
        assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(ledger.outcome("e-t1").orElseThrow().getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(ledger.outcome("e-t1").orElseThrow().getPostings()).hasSize(2);
        assertThat(balance("wallet:w-1")).isEqualTo(9_000);
    }

    @Test
    void rejectedEventIsRecordedWithItsReasonAndPostsNothing() {
        replayADayOfSales();
        ledger.apply(event("e-x", minutes(9), redemption("w-1", 20_000)));
        assertThat(ledger.outcome("e-x").orElseThrow().getReason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(ledger.wallet("w-1").orElseThrow().balanceMinor()).isEqualTo(9_000);
    }

    @Test
    void settlingPaysWhatIsDueOnceAndSettlingAgainPaysNothing() {
        replayADayOfSales();
        List<MerchantPaidOut> payouts = SettlementRun.payouts(D0, ledger.settlementsOn(D0));
        assertThat(payouts).containsExactly(new MerchantPaidOut("m-1", "po-m-1-2026-11-27", D0, 2_290L));

        var applied = ledger.apply(SettlementRun.toEvent(payouts.get(0), minutes(600)));
        assertThat(applied.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(balance("merchant:m-1")).isZero();
        assertThat(balance("platform:payouts")).isEqualTo(2_290);
        assertThat(ledger.settlementsOn(D0).get(0).status()).isEqualTo(SettlementStatus.PAID);
        assertThat(SettlementRun.payouts(D0, ledger.settlementsOn(D0))).isEmpty();

        var again = ledger.apply(SettlementRun.toEvent(payouts.get(0), minutes(601)));
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(balance("platform:payouts")).isEqualTo(2_290);
        assertThat(ledger.trialBalance()).isEqualTo(Map.of(EUR, 0L));
    }

    @Test
    void secondSettlementOfADateCarriesTheNextOrdinal() {
        replayADayOfSales();
        ledger.apply(SettlementRun.toEvent(
                SettlementRun.payouts(D0, ledger.settlementsOn(D0)).get(0), minutes(600)));
        ledger.apply(event("e-c2", minutes(700), authorization("p-2", "m-1", 2_000, "EUR")));
        ledger.apply(event("e-c3", minutes(701), capture("p-2", 2_000)));
        // fee = 30 + 25 = 55, so 1945 more is due the same day
        List<MerchantPaidOut> second = SettlementRun.payouts(D0, ledger.settlementsOn(D0));
        assertThat(second).containsExactly(new MerchantPaidOut("m-1", "po-m-1-2026-11-27-2", D0, 1_945L));
        assertThat(ledger.apply(SettlementRun.toEvent(second.get(0), minutes(702)))
                        .outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(ledger.settlementsOn(D0).get(0).payouts()).isEqualTo(2);
    }
}
