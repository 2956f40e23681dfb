package org.kleline.ledger.model.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.decision.Payouts;
import org.kleline.ledger.model.fixtures.AggregateRun;
import org.kleline.ledger.model.fixtures.DecisionCoverage;
import org.kleline.ledger.model.fixtures.Events;
import org.kleline.ledger.model.fixtures.LedgerArbitraries;
import org.kleline.ledger.model.fixtures.MapContext;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.outcomes.Outcome;

/** Random sequences of merchant events against the invariants of docs/domain.md and the fee plan as-of rule
 * (jqwik: a failing sequence shrinks to its fewest, smallest steps). */
class MerchantPropertyTest {

    private static final List<String> MERCHANTS = List.of("m-1", "m-2");

    record Step(
            int kind,
            int merchant,
            FeePlan plan,
            long amount,
            int eventId,
            int minute,
            int delayMinutes,
            int payoutId) {

        Instant occurredAt() {
            return T0.plusSeconds(60L * minute);
        }

        EventEnvelope toEvent() {
            String merchantId = MERCHANTS.get(merchant);
            Object payload = switch (kind) {
                case 0 -> Events.onboarding(merchantId, merchant == 0 ? "pa-1" : null, "EUR", plan);
                case 1 ->
                    Events.feePlanChange(
                            merchantId,
                            plan,
                            delayMinutes < 0 ? null : occurredAt().plusSeconds(60L * delayMinutes));
                default -> Events.payout(merchantId, "bank-" + payoutId, D0, amount);
            };
            return event("e-" + eventId, occurredAt(), payload);
        }
    }

    private static final List<String> DECISIONS = List.of(
            "ACCEPTED MerchantOnboarded",
            "ACCEPTED MerchantFeePlanChanged",
            "ACCEPTED MerchantPaidOut",
            "DUPLICATE",
            "REJECTED ALREADY_EXISTS",
            "REJECTED UNKNOWN_MERCHANT");

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, MERCHANTS.size() - 1),
                        LedgerArbitraries.feePlans(),
                        LedgerArbitraries.amounts(),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 600),
                        Arbitraries.integers().between(-1, 120),
                        Arbitraries.integers().between(0, 4))
                .as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Integer>> probeMinutes() {
        return Arbitraries.integers().between(-60, 800).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 500)
    void merchantRulesKeepEveryInvariant(
            @ForAll("steps") List<Step> steps, @ForAll("probeMinutes") List<Integer> probeMinutes) {
        keepsEveryInvariant(steps, probeMinutes);
        DecisionCoverage.assertEveryReached(DECISIONS);
    }

    private static void keepsEveryInvariant(List<Step> steps, List<Integer> probeMinutes) {
        AggregateRun<MerchantState> run =
                new AggregateRun<>(new MerchantDecider(BusinessCalendar.defaultCalendar())::decide, new MapContext());
        Set<String> usedPayoutIds = new HashSet<>();

        for (Step step : steps) {
            EventEnvelope event = step.toEvent();
            String merchantId = MERCHANTS.get(step.merchant());
            MerchantState before = run.state(merchantId);
            run.decide(merchantId, event).ifPresent(decision -> {
                if (event.getPayload() instanceof MerchantPaidOut payout && decision.outcome() != Outcome.DUPLICATE) {
                    String used = merchantId + " " + payout.getPayoutId();
                    assertThat(decision.isAccepted()).isEqualTo(before != null && !usedPayoutIds.contains(used));
                    assertThat(Payouts.applied(decision).isPresent()).isEqualTo(decision.isAccepted());
                    if (decision.isAccepted()) {
                        usedPayoutIds.add(used);
                    }
                }
                if (decision.isAccepted()) {
                    keepsTheFeePlanRule(before, decision.nextState(), event, probeMinutes);
                }
            });
        }
    }

    private static void keepsTheFeePlanRule(
            MerchantState before, MerchantState after, EventEnvelope event, List<Integer> probeMinutes) {
        if (event.getPayload() instanceof MerchantFeePlanChanged) {
            assertThat(after.feePlans()).hasSize(before.feePlans().size() + 1);
        }
        for (int minute : probeMinutes) {
            Instant t = T0.plusSeconds(60L * minute);
            assertThat(after.feePlanAt(t)).isEqualTo(referenceFeePlanAt(after, t));
        }
    }

    /**
     * docs/domain.md read literally: before the onboarding, the onboarding plan; else among plans
     * effective at or before t, the greatest effectiveFrom, then the latest in the log.
     */
    private static org.kleline.ledger.model.fee.FeeSchedule referenceFeePlanAt(MerchantState merchant, Instant t) {
        List<FeePlanVersion> versions = merchant.feePlans();
        if (t.isBefore(merchant.onboardedAt())) {
            return versions.get(0).plan();
        }
        return IntStream.range(0, versions.size())
                .boxed()
                .filter(i -> !versions.get(i).effectiveFrom().isAfter(t))
                .max(Comparator.<Integer, Instant>comparing(i -> versions.get(i).effectiveFrom())
                        .thenComparing(Comparator.naturalOrder()))
                .map(i -> versions.get(i).plan())
                .orElseThrow();
    }
}
