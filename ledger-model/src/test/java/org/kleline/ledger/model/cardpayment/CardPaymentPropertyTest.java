package org.kleline.ledger.model.cardpayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Invariants.assertBalancedPerCurrency;
import static org.kleline.ledger.model.fixtures.Invariants.assertChangesNothing;
import static org.kleline.ledger.model.fixtures.Invariants.isValidLogEvent;
import static org.kleline.ledger.model.fixtures.Merchants.merchant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.fixtures.Events;
import org.kleline.ledger.model.fixtures.Invariants;
import org.kleline.ledger.model.fixtures.LedgerArbitraries;
import org.kleline.ledger.model.fixtures.MapContext;
import org.kleline.ledger.model.fixtures.SeenEventIds;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.validation.InvalidFieldException;

/** Random sequences of card payment events, valid and invalid, against the invariants of docs/domain.md
 * (jqwik: a failing sequence shrinks to its fewest, smallest steps). */
class CardPaymentPropertyTest {

    private static final List<String> PAYMENTS = List.of("p-1", "p-2");
    private static final List<String> MERCHANTS = List.of("m-eur", "m-eur-partner", "m-usd", "m-later", "m-nobody");

    record Step(int kind, int payment, int merchant, long amount, int eventId, int minute, String currency) {

        EventEnvelope toEvent() {
            String paymentId = PAYMENTS.get(payment);
            Object payload = switch (kind) {
                case 0 -> Events.authorization(paymentId, MERCHANTS.get(merchant), amount, currency);
                case 1 -> Events.capture(paymentId, amount);
                case 2 -> Events.refund(paymentId, amount);
                default -> Events.chargeback(paymentId, amount);
            };
            return event("e-" + eventId, T0.plusSeconds(60L * minute), payload);
        }
    }

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

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3)),
                        Arbitraries.integers().between(0, PAYMENTS.size() - 1),
                        Arbitraries.integers().between(0, MERCHANTS.size() - 1),
                        LedgerArbitraries.amounts(),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 3 * 1_440),
                        Arbitraries.frequency(Tuple.of(2, "EUR"), Tuple.of(1, "USD")))
                .as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(60);
    }

    @Provide
    Arbitrary<FeePlan> feePlans() {
        return LedgerArbitraries.feePlans();
    }

    @Property(tries = 500)
    void cardPaymentRulesKeepEveryInvariant(@ForAll("steps") List<Step> steps, @ForAll("feePlans") FeePlan plan) {
        keepsEveryInvariant(steps, plan);
        Statistics.label("decision")
                .coverage(coverage -> DECISIONS.forEach(d -> coverage.check(d).count(c -> c > 0)));
    }

    private static void keepsEveryInvariant(List<Step> steps, FeePlan plan) {
        CardPaymentDecider decider = new CardPaymentDecider(BusinessCalendar.defaultCalendar());
        MapContext context = new MapContext()
                .withMerchant(merchant("m-eur", null, "EUR", T0, plan))
                .withMerchant(merchant("m-eur-partner", "pa-1", "EUR", T0, plan))
                .withMerchant(merchant("m-usd", "pa-1", "USD", T0, plan))
                .withMerchant(merchant("m-later", "pa-1", "EUR", T0.plusSeconds(86_400), plan));
        Map<String, CardPaymentState> payments = new HashMap<>();
        SeenEventIds seen = new SeenEventIds();

        for (Step step : steps) {
            EventEnvelope event = step.toEvent();
            String paymentId = PAYMENTS.get(step.payment());
            CardPaymentState before = payments.get(paymentId);
            if (!isValidLogEvent(event)) {
                assertThatThrownBy(() -> decider.decide(before, event, context))
                        .isInstanceOf(InvalidFieldException.class);
                continue;
            }
            Decision<CardPaymentState> decision = context.record(decider.decide(before, event, context));
            Statistics.label("decision").collect(Invariants.describe(decision));
            seen.assertDuplicateExactlyWhenSeen(decision);
            if (!decision.isAccepted()) {
                assertChangesNothing(decision, before);
                continue;
            }
            assertBalancedPerCurrency(decision.postings());
            CardPaymentState after = decision.nextState();
            assertThat(after.capturedMinor()).isBetween(0L, after.authorizedMinor());
            assertThat(after.refundedMinor() + after.chargedBackMinor()).isBetween(0L, after.capturedMinor());
            assertThat(after.status())
                    .isEqualTo(CardPaymentStatus.of(
                            after.capturedMinor(), after.refundedMinor(), after.chargedBackMinor()));
            var effect = decision.settlementEffect();
            if (event.getPayload() instanceof CardPaymentCaptured) {
                assertThat(effect.commission()).isBetween(0L, effect.fees());
                assertThat(effect.fees()).isBetween(0L, step.amount());
                assertThat(decision.postings())
                        .first()
                        .isEqualTo(new JournalLine(AccountId.PLATFORM_CARD_CLEARING, after.currency(), -step.amount()));
            }
            if (event.getPayload() instanceof CardPaymentChargedBack) {
                assertThat(effect.fees()).isEqualTo(plan.getChargebackFee());
                assertThat(effect.commission()).isZero();
            }
            payments.put(paymentId, after);
        }
    }
}
