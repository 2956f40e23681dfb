package org.kleline.ledger.model.cardpayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertAccepted;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertDuplicate;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertRejected;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.chargeback;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.minutes;
import static org.kleline.ledger.model.fixtures.Events.plan;
import static org.kleline.ledger.model.fixtures.Events.refund;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Merchants.merchant;
import static org.kleline.ledger.model.fixtures.Postings.eur;
import static org.kleline.ledger.outcomes.RejectionReason.ALREADY_EXISTS;
import static org.kleline.ledger.outcomes.RejectionReason.CURRENCY_MISMATCH;
import static org.kleline.ledger.outcomes.RejectionReason.EXCEEDS_AUTHORIZED;
import static org.kleline.ledger.outcomes.RejectionReason.EXCEEDS_CAPTURED;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_MERCHANT;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_PAYMENT;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.fixtures.MapContext;
import org.kleline.ledger.model.fixtures.RejectionTable;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.merchant.FeePlanVersion;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.Outcome;

class CardPaymentDeciderTest extends RejectionTable<CardPaymentState> {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final SettlementKey M1_D0 = new SettlementKey(new MerchantId("m-1"), D0, EUR);

    private final CardPaymentDecider decider = new CardPaymentDecider(BusinessCalendar.defaultCalendar());
    private final MapContext context = new MapContext()
            .withMerchant(merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), standardPlan()))
            .withMerchant(merchant("m-later", null, "EUR", T0.plusMillis(1), standardPlan()));

    private static CardPaymentState payment(long authorized, long captured, long refunded, long chargedBack) {
        return new CardPaymentState(
                new PaymentId("p-1"), new MerchantId("m-1"), EUR, authorized, captured, refunded, chargedBack);
    }

    @Test
    void authorizationCreatesAnAuthorizedPaymentWithoutPostings() {
        Decision<CardPaymentState> decision = decide(null, event("e-1", authorization("p-1", "m-1", 10_000, "EUR")));
        assertAccepted(decision);
        assertThat(decision.settlementEffect()).isNull();
        assertThat(decision.nextState()).isEqualTo(payment(10_000, 0, 0, 0));
        assertThat(decision.nextState().status()).isEqualTo(CardPaymentStatus.AUTHORIZED);
    }

    /**
     * The rows of {@link RejectionTable}: each rule that rejects an event, in the order checked (payment before, null
     * when none yet; payload; reason).
     */
    static Stream<Arguments> rejections() {
        return Stream.of(
                // an existing payment is refused before its unknown merchant is looked at
                Arguments.of(payment(10_000, 0, 0, 0), authorization("p-1", "m-nobody", 5, "USD"), ALREADY_EXISTS),
                Arguments.of(null, authorization("p-1", "m-nobody", 10_000, "EUR"), UNKNOWN_MERCHANT),
                // m-later is onboarded 1 ms after T0, the event's time
                Arguments.of(null, authorization("p-1", "m-later", 10_000, "EUR"), UNKNOWN_MERCHANT),
                Arguments.of(null, authorization("p-1", "m-1", 10_000, "USD"), CURRENCY_MISMATCH),
                Arguments.of(null, capture("p-1", 100), UNKNOWN_PAYMENT),
                Arguments.of(payment(10_000, 6_000, 0, 0), capture("p-1", 4_001), EXCEEDS_AUTHORIZED),
                Arguments.of(null, refund("p-1", 100), UNKNOWN_PAYMENT),
                // a refund or chargeback may take only what is captured and not yet returned
                Arguments.of(payment(10_000, 6_000, 0, 0), refund("p-1", 6_001), EXCEEDS_CAPTURED),
                Arguments.of(payment(10_000, 6_000, 2_000, 3_000), refund("p-1", 1_001), EXCEEDS_CAPTURED),
                Arguments.of(null, chargeback("p-1", 100), UNKNOWN_PAYMENT),
                Arguments.of(payment(10_000, 6_000, 4_000, 0), chargeback("p-1", 2_001), EXCEEDS_CAPTURED));
    }

    @Test
    void captureDebitsClearingAndSplitsBetweenMerchantFeesAndPartner() {
        // fee = halfEven(10000 * 150, 10000) + 25 = 175; commission = halfEven(175 * 2000, 10000) = 35
        Decision<CardPaymentState> decision = decide(payment(10_000, 0, 0, 0), event("e-1", capture("p-1", 10_000)));
        assertAccepted(
                decision,
                SettlementEffect.payment(M1_D0, 10_000, 175, 35),
                eur("platform:card-clearing", -10_000),
                eur("merchant:m-1", 9_825),
                eur("platform:fees", 140),
                eur("partner:pa-1", 35));
        assertThat(decision.nextState()).isEqualTo(payment(10_000, 10_000, 0, 0));
        assertThat(decision.nextState().status()).isEqualTo(CardPaymentStatus.CAPTURED);
    }

    @Test
    void partialCapturesMayTakeTheWholeAuthorization() {
        Decision<CardPaymentState> decision = decide(payment(10_000, 6_000, 0, 0), event("e-1", capture("p-1", 4_000)));
        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(decision.nextState().capturedMinor()).isEqualTo(10_000);
    }

    @Test
    void captureIsPricedWithThePlanInEffectAtTheCaptureNotTheAuthorization() {
        context.withMerchant(merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), standardPlan())
                .withFeePlan(new FeePlanVersion(new FeeSchedule(100, 0, 0, 0, 0, 2_000), minutes(30))));
        Decision<CardPaymentState> decision =
                decide(payment(10_000, 0, 0, 0), event("e-1", minutes(30), capture("p-1", 10_000)));
        assertThat(decision.postings())
                .containsExactly(
                        eur("platform:card-clearing", -10_000),
                        eur("merchant:m-1", 9_900),
                        eur("platform:fees", 80),
                        eur("partner:pa-1", 20));
    }

    @Test
    void captureImportedWithATimeBeforeTheOnboardingUsesTheOnboardingPlan() {
        context.withMerchant(merchant("m-1", null, "EUR", T0, plan(200, 0, 0, 0, 0, 0))
                .withFeePlan(new FeePlanVersion(new FeeSchedule(100, 0, 0, 0, 0, 0), T0)));
        Decision<CardPaymentState> decision =
                decide(payment(10_000, 0, 0, 0), event("e-1", T0.minusSeconds(86_400), capture("p-1", 10_000)));
        assertThat(decision.postings())
                .containsExactly(
                        eur("platform:card-clearing", -10_000), eur("merchant:m-1", 9_800), eur("platform:fees", 200));
    }

    @Test
    void captureOrChargebackWithNoMerchantEventBeforeItInTheLogIsRejectedUnknownMerchant() {
        // Its authorization saw the merchant, but it was sent before the merchant's onboarding was
        // acknowledged: the log records no merchant before it, however fast a reader gets there.
        MapContext noMerchantBefore = new MapContext();
        CardPaymentState authorized = payment(10_000, 0, 0, 0);
        assertRejected(
                decider.decide(authorized, event("e-1", capture("p-1", 1)), noMerchantBefore),
                UNKNOWN_MERCHANT,
                authorized);
        CardPaymentState captured = payment(10_000, 10_000, 0, 0);
        assertRejected(
                decider.decide(captured, event("e-2", chargeback("p-1", 100)), noMerchantBefore),
                UNKNOWN_MERCHANT,
                captured);
    }

    @Test
    void refundDebitsTheMerchantAndCreditsClearingWithoutReturningFees() {
        Decision<CardPaymentState> decision = decide(payment(10_000, 10_000, 0, 0), event("e-1", refund("p-1", 4_000)));
        assertAccepted(
                decision,
                SettlementEffect.refund(M1_D0, 4_000),
                eur("merchant:m-1", -4_000),
                eur("platform:card-clearing", 4_000));
        assertThat(decision.nextState().status()).isEqualTo(CardPaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void refundingWhatIsLeftMakesThePaymentRefunded() {
        Decision<CardPaymentState> decision =
                decide(payment(10_000, 10_000, 4_000, 0), event("e-1", refund("p-1", 6_000)));
        assertThat(decision.nextState()).isEqualTo(payment(10_000, 10_000, 10_000, 0));
        assertThat(decision.nextState().status()).isEqualTo(CardPaymentStatus.REFUNDED);
    }

    @Test
    void chargebackDebitsTheMerchantItsAmountPlusTheChargebackFeeWithoutCommission() {
        Decision<CardPaymentState> decision =
                decide(payment(10_000, 10_000, 0, 0), event("e-1", chargeback("p-1", 3_000)));
        assertAccepted(
                decision,
                SettlementEffect.chargeback(M1_D0, 3_000, 1_500),
                eur("merchant:m-1", -4_500),
                eur("platform:card-clearing", 3_000),
                eur("platform:fees", 1_500));
        assertThat(decision.settlementEffect().commission()).isZero();
        assertThat(decision.nextState().status()).isEqualTo(CardPaymentStatus.CHARGED_BACK);
    }

    @Test
    void chargebackWithoutChargebackFeePostsNoFeeLine() {
        context.withMerchant(merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), plan(150, 25, 0, 0, 0, 2_000)));
        Decision<CardPaymentState> decision =
                decide(payment(10_000, 10_000, 0, 0), event("e-1", chargeback("p-1", 3_000)));
        assertThat(decision.postings())
                .containsExactly(eur("merchant:m-1", -3_000), eur("platform:card-clearing", 3_000));
    }

    @Test
    void duplicateEventIdUnderTheSameKeyHasNoEffect() {
        context.withSeen(AggregateKey.payment("p-1"), "e-1");
        CardPaymentState state = payment(10_000, 0, 0, 0);
        Decision<CardPaymentState> decision = decide(state, event("e-1", capture("p-1", 10_000)));
        assertDuplicate(decision, state);
    }

    @Test
    void eventOfAnotherAggregateIsRefused() {
        assertThatThrownBy(() -> decider.decide(null, event("e-1", topUp("w-1", 1)), context))
                .hasMessage("not a card payment event: WalletToppedUp");
    }

    @Override
    protected Decision<CardPaymentState> decide(CardPaymentState before, EventEnvelope event) {
        return decider.decide(before, event, context);
    }
}
