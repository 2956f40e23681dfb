package org.kleline.ledger.model.cardpayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.fixtures.Events;
import org.kleline.ledger.model.fixtures.PaymentSteps;
import org.kleline.ledger.model.fixtures.PaymentSteps.Step;
import org.kleline.ledger.model.fixtures.PaymentStepsProperty;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.settlement.BusinessCalendar;

/** Random sequences of card payment events, valid and invalid, against the invariants of docs/domain.md
 * (jqwik: a failing sequence shrinks to its fewest, smallest steps). */
class CardPaymentPropertyTest extends PaymentStepsProperty<CardPaymentState> {

    private static final List<String> PAYMENTS = List.of("p-1", "p-2");

    private static final List<String> DECISIONS = List.of(
            "ACCEPTED CardPaymentAuthorized",
            "ACCEPTED CardPaymentCaptured",
            "ACCEPTED CardPaymentRefunded",
            "ACCEPTED CardPaymentChargedBack",
            "DUPLICATE",
            "REJECTED ALREADY_EXISTS",
            "REJECTED UNKNOWN_MERCHANT",
            "REJECTED CURRENCY_MISMATCH",
            "REJECTED UNKNOWN_PAYMENT",
            "REJECTED EXCEEDS_AUTHORIZED",
            "REJECTED EXCEEDS_CAPTURED");

    CardPaymentPropertyTest() {
        super(PAYMENTS, new CardPaymentDecider(BusinessCalendar.defaultCalendar())::decide, DECISIONS);
    }

    /** Step kinds: 0 authorization, 1 capture, 2 refund, 3 chargeback. */
    @Provide
    @Override
    protected Arbitrary<List<Step>> steps() {
        return PaymentSteps.steps(
                Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3)), PAYMENTS.size());
    }

    @Override
    protected EventEnvelope toEvent(Step step) {
        String paymentId = PAYMENTS.get(step.aggregate());
        Object payload = switch (step.kind()) {
            case 0 -> Events.authorization(paymentId, step.merchantId(), step.amount(), step.currency());
            case 1 -> Events.capture(paymentId, step.amount());
            case 2 -> Events.refund(paymentId, step.amount());
            default -> Events.chargeback(paymentId, step.amount());
        };
        return step.toEvent(payload);
    }

    @Override
    protected AcceptedCheck<CardPaymentState> invariants(FeePlan plan) {
        return (decision, paymentId, step, event) -> keepsThePaymentInvariants(decision, event, step.amount(), plan);
    }

    private static void keepsThePaymentInvariants(
            Decision<CardPaymentState> decision, EventEnvelope event, long amount, FeePlan plan) {
        CardPaymentState after = decision.nextState();
        assertThat(after.capturedMinor()).isBetween(0L, after.authorizedMinor());
        assertThat(after.refundedMinor() + after.chargedBackMinor()).isBetween(0L, after.capturedMinor());
        assertThat(after.status())
                .isEqualTo(
                        CardPaymentStatus.of(after.capturedMinor(), after.refundedMinor(), after.chargedBackMinor()));
        var effect = decision.settlementEffect();
        if (event.getPayload() instanceof CardPaymentCaptured) {
            assertThat(effect.commission()).isBetween(0L, effect.fees());
            assertThat(effect.fees()).isBetween(0L, amount);
            assertThat(decision.postings())
                    .first()
                    .isEqualTo(new JournalLine(AccountId.PLATFORM_CARD_CLEARING, after.currency(), -amount));
        }
        if (event.getPayload() instanceof CardPaymentChargedBack) {
            assertThat(effect.fees()).isEqualTo(plan.getChargebackFee());
            assertThat(effect.commission()).isZero();
        }
    }
}
