package org.kleline.ledger.model.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertAccepted;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertDuplicate;
import static org.kleline.ledger.model.fixtures.DecisionOutcomes.assertRejected;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.micropayment;
import static org.kleline.ledger.model.fixtures.Events.minutes;
import static org.kleline.ledger.model.fixtures.Events.plan;
import static org.kleline.ledger.model.fixtures.Events.redemption;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;
import static org.kleline.ledger.model.fixtures.Merchants.merchant;
import static org.kleline.ledger.model.fixtures.Postings.eur;
import static org.kleline.ledger.outcomes.RejectionReason.ALREADY_EXISTS;
import static org.kleline.ledger.outcomes.RejectionReason.CURRENCY_MISMATCH;
import static org.kleline.ledger.outcomes.RejectionReason.INSUFFICIENT_FUNDS;
import static org.kleline.ledger.outcomes.RejectionReason.LIMIT_EXCEEDED;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_MERCHANT;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_WALLET;

import java.time.Instant;
import java.time.LocalDate;
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
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.merchant.FeePlanVersion;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.outcomes.Outcome;

class WalletDeciderTest extends RejectionTable<WalletState> {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    /** A wallet holding 100.00 of at most 150.00. */
    private static final WalletState W1 = new WalletState(new WalletId("w-1"), EUR, 10_000, 15_000);

    private final WalletDecider decider = new WalletDecider(BusinessCalendar.defaultCalendar());
    private final MapContext context = new MapContext()
            .withMerchant(merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), standardPlan()))
            .withMerchant(merchant("m-2", null, "EUR", T0.minusSeconds(3_600), standardPlan()))
            .withMerchant(merchant("m-usd", null, "USD", T0.minusSeconds(3_600), standardPlan()))
            .withMerchant(merchant("m-later", null, "EUR", T0.plusMillis(1), standardPlan()))
            .withMerchant(merchant("m-free", "pa-1", "EUR", T0.minusSeconds(3_600), plan(0, 0, 0, 0, 0, 2_000)))
            .withMerchant(merchant("m-greedy", "pa-1", "EUR", T0.minusSeconds(3_600), plan(0, 0, 0, 5_000, 0, 2_000)));

    @Test
    void walletOpenedCreatesAnEmptyWallet() {
        Decision<WalletState> decision =
                decider.decide(null, event("e-1", walletOpened("w-1", "EUR", 15_000)), context);
        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(decision.reason()).isNull();
        assertThat(decision.postings()).isEmpty();
        assertThat(decision.settlementEffect()).isNull();
        assertThat(decision.nextState()).isEqualTo(new WalletState(new WalletId("w-1"), EUR, 0, 15_000));
    }

    /**
     * The rows of {@link RejectionTable}: each rule that rejects an event, in the order checked (wallet before, null
     * when none yet; payload; reason).
     */
    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(W1, walletOpened("w-1", "EUR", 20_000), ALREADY_EXISTS),
                Arguments.of(null, topUp("w-1", 100), UNKNOWN_WALLET),
                Arguments.of(W1, topUp("w-1", 5_001), LIMIT_EXCEEDED),
                Arguments.of(null, redemption("w-1", 100), UNKNOWN_WALLET),
                Arguments.of(W1, redemption("w-1", 10_001), INSUFFICIENT_FUNDS),
                // an unknown wallet is refused before its unknown merchant is looked at
                Arguments.of(null, micropayment("w-1", "m-nobody", 100), UNKNOWN_WALLET),
                Arguments.of(W1, micropayment("w-1", "m-nobody", 100_000), UNKNOWN_MERCHANT),
                // another currency is refused before the funds are checked
                Arguments.of(W1, micropayment("w-1", "m-usd", 20_000), CURRENCY_MISMATCH),
                Arguments.of(W1, micropayment("w-1", "m-1", 10_001), INSUFFICIENT_FUNDS));
    }

    @Test
    void topUpToExactlyMaxBalanceDebitsCardClearingAndCreditsTheWallet() {
        Decision<WalletState> decision = decider.decide(W1, event("e-1", topUp("w-1", 5_000)), context);
        assertAccepted(decision, eur("platform:card-clearing", -5_000), eur("wallet:w-1", 5_000));
        assertThat(decision.nextState().balanceMinor()).isEqualTo(15_000);
        assertThat(decision.settlementEffect()).isNull();
    }

    @Test
    void redemptionDebitsTheWalletAndCreditsCardClearing() {
        Decision<WalletState> decision = decider.decide(W1, event("e-1", redemption("w-1", 3_000)), context);
        assertAccepted(decision, eur("wallet:w-1", -3_000), eur("platform:card-clearing", 3_000));
        assertThat(decision.nextState().balanceMinor()).isEqualTo(7_000);
    }

    @Test
    void redeemingTheWholeBalanceLeavesZero() {
        assertThat(decider.decide(W1, event("e-1", redemption("w-1", 10_000)), context)
                        .nextState()
                        .balanceMinor())
                .isZero();
    }

    @Test
    void micropaymentToAMerchantOnboardedAfterItsTimeIsRejectedAsUnknownMerchant() {
        assertRejected(decide(W1, event("e-1", T0, micropayment("w-1", "m-later", 100))), UNKNOWN_MERCHANT, W1);
        Decision<WalletState> atOnboarding =
                decider.decide(W1, event("e-2", T0.plusMillis(1), micropayment("w-1", "m-later", 100)), context);
        assertThat(atOnboarding.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void micropaymentSplitsTheAmountBetweenMerchantFeesAndPartner() {
        // fee = halfEven(1000 * 300, 10000) + 5 = 35; commission = halfEven(35 * 2000, 10000) = 7
        Decision<WalletState> decision = decider.decide(W1, event("e-1", micropayment("w-1", "m-1", 1_000)), context);
        assertAccepted(
                decision,
                SettlementEffect.payment(new SettlementKey(new MerchantId("m-1"), D0, EUR), 1_000, 35, 7),
                eur("wallet:w-1", -1_000),
                eur("merchant:m-1", 965),
                eur("platform:fees", 28),
                eur("partner:pa-1", 7));
        assertThat(decision.nextState().balanceMinor()).isEqualTo(9_000);
    }

    @Test
    void micropaymentToAMerchantWithoutPartnerPostsNoPartnerLine() {
        Decision<WalletState> decision = decider.decide(W1, event("e-1", micropayment("w-1", "m-2", 1_000)), context);
        assertThat(decision.postings())
                .containsExactly(eur("wallet:w-1", -1_000), eur("merchant:m-2", 965), eur("platform:fees", 35));
        assertThat(decision.settlementEffect().commission()).isZero();
    }

    @Test
    void micropaymentWithoutFeePostsNoFeeOrPartnerLine() {
        Decision<WalletState> decision =
                decider.decide(W1, event("e-1", micropayment("w-1", "m-free", 1_000)), context);
        assertThat(decision.postings()).containsExactly(eur("wallet:w-1", -1_000), eur("merchant:m-free", 1_000));
        assertThat(decision.settlementEffect().fees()).isZero();
    }

    @Test
    void micropaymentWhoseFeeIsCappedAtTheAmountPostsNoMerchantLine() {
        // fee = min(1000, 0 + 5000) = 1000; commission = 200
        Decision<WalletState> decision =
                decider.decide(W1, event("e-1", micropayment("w-1", "m-greedy", 1_000)), context);
        assertThat(decision.postings())
                .containsExactly(eur("wallet:w-1", -1_000), eur("platform:fees", 800), eur("partner:pa-1", 200));
    }

    @Test
    void micropaymentIsPricedWithThePlanInEffectAtItsOwnTime() {
        var merchant = merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), standardPlan())
                .withFeePlan(new FeePlanVersion(new FeeSchedule(0, 0, 0, 0, 0, 0), minutes(60)));
        context.withMerchant(merchant);
        Decision<WalletState> before =
                decider.decide(W1, event("e-1", minutes(59), micropayment("w-1", "m-1", 1_000)), context);
        Decision<WalletState> from =
                decider.decide(W1, event("e-2", minutes(60), micropayment("w-1", "m-1", 1_000)), context);
        assertThat(before.settlementEffect().fees()).isEqualTo(35);
        assertThat(from.settlementEffect().fees()).isZero();
        assertThat(from.postings()).containsExactly(eur("wallet:w-1", -1_000), eur("merchant:m-1", 1_000));
    }

    @Test
    void settlementRowIsOfTheBusinessDateInParis() {
        Instant lateEvening = Instant.parse("2026-11-27T23:30:00Z");
        Decision<WalletState> decision =
                decider.decide(W1, event("e-1", lateEvening, micropayment("w-1", "m-1", 1_000)), context);
        assertThat(decision.businessDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(decision.settlementEffect().key().businessDate()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void duplicateEventIdUnderTheSameKeyHasNoEffectWhateverItsPayload() {
        context.withSeen(AggregateKey.wallet("w-1"), "e-1");
        Decision<WalletState> decision = decider.decide(W1, event("e-1", topUp("w-1", 1_000)), context);
        assertDuplicate(decision, W1);
        assertThat(decision.reason()).isNull();
        assertThat(decision.recordsEventId()).isFalse();
    }

    @Test
    void duplicateIsCheckedBeforeEveryRule() {
        context.withSeen(AggregateKey.wallet("w-1"), "e-1");
        Decision<WalletState> decision = decider.decide(null, event("e-1", redemption("w-1", 1)), context);
        assertDuplicate(decision, null);
    }

    @Test
    void sameEventIdUnderAnotherKeyIsNotADuplicate() {
        context.withSeen(AggregateKey.merchant("w-1"), "e-1").withSeen(AggregateKey.wallet("w-2"), "e-1");
        assertThat(decider.decide(W1, event("e-1", topUp("w-1", 1)), context).outcome())
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void eventOfAnotherAggregateOrStateOfAnotherWalletIsRefused() {
        assertThatThrownBy(() -> decider.decide(null, event("e-1", capture("p-1", 1)), context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a wallet event: CardPaymentCaptured");
        assertThatThrownBy(() -> decider.decide(W1, event("e-1", topUp("w-2", 1)), context))
                .hasMessage("state of wallet w-1 given for wallet:w-2");
    }

    @Test
    void invalidEventIsRefusedNotDecided() {
        assertThatThrownBy(() -> decider.decide(W1, event("e-1", topUp("w-1", 0)), context))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("amount must be");
    }

    @Override
    protected Decision<WalletState> decide(WalletState before, EventEnvelope event) {
        return decider.decide(before, event, context);
    }
}
