package org.kleline.ledger.model.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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

/**
 * Random sequences of wallet events, valid and invalid, against the invariants of docs/domain.md (jqwik: a failing
 * sequence shrinks to its fewest, smallest steps).
 */
class WalletPropertyTest extends PaymentStepsProperty<WalletState> {

    private static final List<String> WALLETS = List.of("w-1", "w-2");

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

    WalletPropertyTest() {
        super(WALLETS, new WalletDecider(BusinessCalendar.defaultCalendar())::decide, DECISIONS);
    }

    /** Step kinds: 0 opening, 1 top-up, 2 redemption, 3 micropayment. */
    @Provide
    @Override
    protected Arbitrary<List<Step>> steps() {
        return PaymentSteps.steps(
                Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(4, 1), Tuple.of(2, 2), Tuple.of(4, 3)), WALLETS.size());
    }

    @Override
    protected EventEnvelope toEvent(Step step) {
        String walletId = WALLETS.get(step.aggregate());
        Object payload = switch (step.kind()) {
            case 0 -> Events.walletOpened(walletId, step.currency(), step.amount());
            case 1 -> Events.topUp(walletId, step.amount());
            case 2 -> Events.redemption(walletId, step.amount());
            default -> Events.micropayment(walletId, step.merchantId(), step.amount());
        };
        return step.toEvent(payload);
    }

    /** Keeps, over the try, what the accepted decisions posted to each wallet: its balance must equal it. */
    @Override
    protected AcceptedCheck<WalletState> invariants(FeePlan plan) {
        Map<String, Long> postedToWallet = new HashMap<>();
        return (decision, walletId, step, event) ->
                keepsTheWalletInvariants(decision, walletId, step.amount(), postedToWallet);
    }

    private static void keepsTheWalletInvariants(
            Decision<WalletState> decision, String walletId, long amount, Map<String, Long> postedToWallet) {
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
            assertThat(effect.gross()).isEqualTo(amount);
        }
    }
}
