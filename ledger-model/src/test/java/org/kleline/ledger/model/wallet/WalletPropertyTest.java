package org.kleline.ledger.model.wallet;

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

/**
 * Random sequences of wallet events, valid and invalid, against the invariants of docs/domain.md (jqwik: a failing
 * sequence shrinks to its fewest, smallest steps).
 */
class WalletPropertyTest {

    private static final List<String> WALLETS = List.of("w-1", "w-2");
    private static final List<String> MERCHANTS = List.of("m-eur", "m-eur-partner", "m-usd", "m-later", "m-nobody");

    record Step(int kind, int wallet, int merchant, long amount, int eventId, int minute, String currency) {

        EventEnvelope toEvent() {
            String walletId = WALLETS.get(wallet);
            Object payload = switch (kind) {
                case 0 -> Events.walletOpened(walletId, currency, amount);
                case 1 -> Events.topUp(walletId, amount);
                case 2 -> Events.redemption(walletId, amount);
                default -> Events.micropayment(walletId, MERCHANTS.get(merchant), amount);
            };
            return event("e-" + eventId, T0.plusSeconds(60L * minute), payload);
        }
    }

    private static final List<String> DECISIONS = List.of(
            "ACCEPTED WalletOpened",
            "ACCEPTED WalletToppedUp",
            "ACCEPTED WalletRedeemed",
            "ACCEPTED MicropaymentRequested",
            "DUPLICATE",
            "REJECTED ALREADY_EXISTS",
            "REJECTED UNKNOWN_WALLET",
            "REJECTED LIMIT_EXCEEDED",
            "REJECTED INSUFFICIENT_FUNDS",
            "REJECTED UNKNOWN_MERCHANT",
            "REJECTED CURRENCY_MISMATCH");

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(4, 1), Tuple.of(2, 2), Tuple.of(4, 3)),
                        Arbitraries.integers().between(0, WALLETS.size() - 1),
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
    void walletRulesKeepEveryInvariant(@ForAll("steps") List<Step> steps, @ForAll("feePlans") FeePlan plan) {
        keepsEveryInvariant(steps, plan);
        Statistics.label("decision")
                .coverage(coverage -> DECISIONS.forEach(d -> coverage.check(d).count(c -> c > 0)));
    }

    private static void keepsEveryInvariant(List<Step> steps, FeePlan plan) {
        WalletDecider decider = new WalletDecider(BusinessCalendar.defaultCalendar());
        MapContext context = new MapContext()
                .withMerchant(merchant("m-eur", null, "EUR", T0, plan))
                .withMerchant(merchant("m-eur-partner", "pa-1", "EUR", T0, plan))
                .withMerchant(merchant("m-usd", "pa-1", "USD", T0, plan))
                .withMerchant(merchant("m-later", "pa-1", "EUR", T0.plusSeconds(86_400), plan));
        Map<String, WalletState> wallets = new HashMap<>();
        Map<String, Long> postedToWallet = new HashMap<>();
        SeenEventIds seen = new SeenEventIds();

        for (Step step : steps) {
            EventEnvelope event = step.toEvent();
            String walletId = WALLETS.get(step.wallet());
            WalletState before = wallets.get(walletId);
            if (!isValidLogEvent(event)) {
                assertThatThrownBy(() -> decider.decide(before, event, context))
                        .isInstanceOf(InvalidFieldException.class);
                continue;
            }
            Decision<WalletState> decision = context.record(decider.decide(before, event, context));
            Statistics.label("decision").collect(Invariants.describe(decision));
            seen.assertDuplicateExactlyWhenSeen(decision);
            if (!decision.isAccepted()) {
                assertChangesNothing(decision, before);
                continue;
            }
            assertBalancedPerCurrency(decision.postings());
            for (JournalLine posting : decision.postings()) {
                if (posting.account().equals(AccountId.wallet(walletId))) {
                    postedToWallet.merge(walletId, posting.amountMinor(), Long::sum);
                }
            }
            WalletState after = decision.nextState();
            assertThat(after.balanceMinor()).isBetween(0L, after.maxBalanceMinor());
            assertThat(after.balanceMinor()).isEqualTo(postedToWallet.getOrDefault(walletId, 0L));
            if (decision.settlementEffect() != null) {
                var effect = decision.settlementEffect();
                assertThat(effect.commission()).isBetween(0L, effect.fees());
                assertThat(effect.fees()).isBetween(0L, effect.gross());
                assertThat(effect.gross()).isEqualTo(step.amount());
            }
            wallets.put(walletId, after);
        }
    }
}
