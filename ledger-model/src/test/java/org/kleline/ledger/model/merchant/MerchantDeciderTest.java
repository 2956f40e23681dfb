package org.kleline.ledger.model.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertAccepted;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertDuplicate;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertRejected;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.feePlanChange;
import static org.kleline.ledger.model.fixtures.Events.minutes;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.payout;
import static org.kleline.ledger.model.fixtures.Events.plan;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Merchants.merchant;
import static org.kleline.ledger.model.fixtures.Postings.eur;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.Payouts;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.fixtures.MapContext;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.settlement.Payout;

class MerchantDeciderTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final MerchantState M1 = merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), standardPlan());

    private final MerchantDecider decider = new MerchantDecider(BusinessCalendar.defaultCalendar());
    private final MapContext context = new MapContext();

    @Test
    void onboardingCreatesTheMerchantWithItsPlanEffectiveFromItsTime() {
        Decision<MerchantState> decision =
                decider.decide(null, event("e-1", T0, onboarding("m-1", "pa-1", "EUR", standardPlan())), context);
        assertAccepted(decision);
        assertThat(decision.settlementEffect()).isNull();
        MerchantState merchant = decision.nextState();
        assertThat(merchant.merchantId()).isEqualTo(new MerchantId("m-1"));
        assertThat(merchant.name()).isEqualTo("Merchant m-1");
        assertThat(merchant.partnerId()).isEqualTo(new PartnerId("pa-1"));
        assertThat(merchant.currency()).isEqualTo(EUR);
        assertThat(merchant.onboardedAt()).isEqualTo(T0);
        assertThat(merchant.feePlans()).containsExactly(new FeePlanVersion(FeeSchedule.fromAvro(standardPlan()), T0));
    }

    @Test
    void onboardingWithoutPartnerLeavesThePartnerEmpty() {
        Decision<MerchantState> decision =
                decider.decide(null, event("e-1", onboarding("m-1", null, "EUR", standardPlan())), context);
        assertThat(decision.nextState().partnerId()).isNull();
    }

    @Test
    void onboardingAnExistingMerchantIsRejectedAsAlreadyExists() {
        rejected(M1, event("e-1", onboarding("m-1", null, "USD", standardPlan())), RejectionReason.ALREADY_EXISTS);
    }

    @Test
    void feePlanChangeOfAnUnknownMerchantIsRejected() {
        rejected(null, event("e-1", feePlanChange("m-1", standardPlan(), null)), RejectionReason.UNKNOWN_MERCHANT);
    }

    @Test
    void feePlanChangeWithoutEffectiveFromTakesEffectAtItsOccurredAt() {
        var newPlan = plan(0, 0, 0, 0, 0, 0);
        Decision<MerchantState> decision =
                decider.decide(M1, event("e-1", minutes(10), feePlanChange("m-1", newPlan, null)), context);
        assertAccepted(decision);
        assertThat(decision.nextState().feePlans())
                .hasSize(2)
                .last()
                .isEqualTo(new FeePlanVersion(FeeSchedule.fromAvro(newPlan), minutes(10)));
    }

    @Test
    void feePlanChangeTakesEffectAtItsEffectiveFrom() {
        var newPlan = plan(0, 0, 0, 0, 0, 0);
        Decision<MerchantState> decision =
                decider.decide(M1, event("e-1", minutes(10), feePlanChange("m-1", newPlan, minutes(60))), context);
        assertThat(decision.nextState().feePlanAt(minutes(59))).isEqualTo(FeeSchedule.fromAvro(standardPlan()));
        assertThat(decision.nextState().feePlanAt(minutes(60))).isEqualTo(FeeSchedule.fromAvro(newPlan));
    }

    @Test
    void payoutOfAnUnknownMerchantIsRejectedBeforeItsIdIsChecked() {
        context.withPayoutIdUsed("m-1", "bank-1");
        rejected(null, event("e-1", payout("m-1", "bank-1", D0, 5_000)), RejectionReason.UNKNOWN_MERCHANT);
    }

    @Test
    void payoutIdAlreadyUsedForTheMerchantIsRejectedAsAlreadyExists() {
        context.withPayoutIdUsed("m-1", "bank-1");
        rejected(M1, event("e-2", payout("m-1", "bank-1", D0, 5_000)), RejectionReason.ALREADY_EXISTS);
    }

    @Test
    void payoutIdUsedByAnotherMerchantIsFree() {
        context.withPayoutIdUsed("m-2", "bank-1");
        assertThat(decider.decide(M1, event("e-1", payout("m-1", "bank-1", D0, 5_000)), context)
                        .outcome())
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void payoutDebitsTheMerchantAndCreditsPayoutsOnTheRowOfItsBusinessDate() {
        LocalDate settled = D0.minusDays(3);
        Decision<MerchantState> decision =
                decider.decide(M1, event("e-1", T0, payout("m-1", "bank-1", settled, 5_000)), context);
        assertAccepted(
                decision,
                SettlementEffect.payout(new SettlementKey(new MerchantId("m-1"), settled, EUR), 5_000),
                eur("merchant:m-1", -5_000),
                eur("platform:payouts", 5_000));
        assertThat(decision.businessDate()).isEqualTo(D0);
        assertThat(decision.nextState()).isSameAs(M1);
        assertThat(Payouts.applied(decision)).contains(new Payout("bank-1", "m-1", settled, "EUR", 5_000L, "e-1"));
    }

    @Test
    void settlementPayoutBeyondTheRequestLimitIsAccepted() {
        String payoutId = "po-m-1-2026-11-27";
        Decision<MerchantState> decision =
                decider.decide(M1, event(payoutId, payout("m-1", payoutId, D0, 3_000_000_000_000L)), context);
        assertAccepted(decision, eur("merchant:m-1", -3_000_000_000_000L), eur("platform:payouts", 3_000_000_000_000L));
    }

    @Test
    void duplicateEventIdUnderTheSameKeyHasNoEffectWhateverTheFirstOutcome() {
        context.withSeen(AggregateKey.merchant("m-1"), "e-1");
        Decision<MerchantState> decision =
                decider.decide(M1, event("e-1", payout("m-1", "bank-9", D0, 5_000)), context);
        assertDuplicate(decision, M1);
        assertThat(Payouts.applied(decision)).isEmpty();
    }

    private void rejected(MerchantState merchant, EventEnvelope event, RejectionReason reason) {
        Decision<MerchantState> decision = decider.decide(merchant, event, context);
        assertRejected(decision, reason, merchant);
        assertThat(Payouts.applied(decision)).isEmpty();
    }
}
