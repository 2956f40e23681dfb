package org.kleline.ledger.model.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Invariants.assertBalancedPerCurrency;
import static org.kleline.ledger.model.fixtures.Invariants.isValidLogEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.fixtures.DecisionCoverage;
import org.kleline.ledger.model.fixtures.Events;
import org.kleline.ledger.model.fixtures.LedgerArbitraries;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementRun;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.outcomes.Outcome;

/**
 * Random days of business across every aggregate, replayed: whatever the events, the trial
 * balance is zero in each currency and the accounts agree with the settlement rows (jqwik: a failing day
 * shrinks to its fewest, smallest steps).
 */
class LedgerPropertyTest {

    /** m-1 and m-3 have partner pa-1; m-3 and w-2 are in JPY. */
    private static final List<String> MERCHANTS = List.of("m-1", "m-2", "m-3");

    private static final List<String> MERCHANT_CURRENCIES = List.of("EUR", "EUR", "JPY");
    private static final List<String> WALLETS = List.of("w-1", "w-2", "w-3");
    private static final List<String> WALLET_CURRENCIES = List.of("EUR", "JPY", "EUR");
    private static final List<String> PAYMENTS = List.of("p-1", "p-2", "p-3");
    private static final BusinessCalendar CALENDAR = BusinessCalendar.defaultCalendar();

    record Step(int kind, int a, int b, long amount, int eventId, int delayMinutes) {}

    private static final List<String> DECISIONS = List.of(
            "ACCEPTED MicropaymentRequested",
            "ACCEPTED CardPaymentCaptured",
            "ACCEPTED CardPaymentRefunded",
            "ACCEPTED CardPaymentChargedBack",
            "ACCEPTED MerchantPaidOut",
            "ACCEPTED MerchantFeePlanChanged");

    @Provide
    Arbitrary<List<Step>> steps() {
        int[] weights = {1, 1, 1, 2, 1, 4, 3, 3, 2, 1, 1, 1};
        List<Tuple.Tuple2<Integer, Integer>> kinds = IntStream.range(0, weights.length)
                .mapToObj(kind -> Tuple.of(weights[kind], kind))
                .toList();
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.frequency(kinds),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2),
                        LedgerArbitraries.amounts(),
                        Arbitraries.integers().between(0, 60),
                        Arbitraries.integers().between(0, 240))
                .as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(80);
    }

    @Provide
    Arbitrary<List<FeePlan>> plans() {
        return LedgerArbitraries.feePlans().list().ofSize(3);
    }

    @Property(tries = 300)
    void trialBalanceIsZeroAndAccountsAgreeWithSettlementRows(
            @ForAll("steps") List<Step> steps, @ForAll("plans") List<FeePlan> plans) {
        keepsTheBooksBalanced(steps, plans);
        DecisionCoverage.assertEveryReached(DECISIONS);
    }

    private static void keepsTheBooksBalanced(List<Step> steps, List<FeePlan> plans) {
        LedgerReplay ledger = new LedgerReplay(CALENDAR);
        openTheBusiness(ledger, plans);
        Instant now = T0;
        for (Step step : steps) {
            now = now.plusSeconds(60L * step.delayMinutes());
            if (step.kind() == 11) {
                settle(ledger, CALENDAR.businessDate(now).minusDays(step.b() % 2), now);
                continue;
            }
            EventEnvelope event = event("e-" + step.eventId(), now, payload(step, plans, now));
            if (!isValidLogEvent(event)) {
                assertThatThrownBy(() -> ledger.apply(event)).isInstanceOf(InvalidFieldException.class);
                continue;
            }
            Decision<?> decision = ledger.apply(event);
            DecisionCoverage.collect(decision);
            if (decision.isAccepted()) {
                assertBalancedPerCurrency(decision.postings());
            }
        }
        assertThat(ledger.trialBalance().values()).allMatch(total -> total == 0L);
        assertAccountsAgreeWithSettlementRows(ledger);
    }

    /** Merchants onboarded and wallets funded first, so that random steps mostly reach the payment rules. */
    private static void openTheBusiness(LedgerReplay ledger, List<FeePlan> plans) {
        for (int i = 0; i < MERCHANTS.size(); i++) {
            ledger.apply(event(
                    "open-m" + i,
                    T0,
                    Events.onboarding(
                            MERCHANTS.get(i), i == 1 ? null : "pa-1", MERCHANT_CURRENCIES.get(i), plans.get(i))));
            ledger.apply(
                    event("open-w" + i, T0, Events.walletOpened(WALLETS.get(i), WALLET_CURRENCIES.get(i), 1_000_000)));
            ledger.apply(event("fund-w" + i, T0, Events.topUp(WALLETS.get(i), 500_000)));
        }
    }

    private static Object payload(Step step, List<FeePlan> plans, Instant now) {
        String merchantA = MERCHANTS.get(step.a());
        String merchantB = MERCHANTS.get(step.b());
        String wallet = WALLETS.get(step.a());
        String payment = PAYMENTS.get(step.a());
        return switch (step.kind()) {
            case 0 ->
                Events.onboarding(
                        merchantA,
                        step.a() == 1 ? null : "pa-1",
                        MERCHANT_CURRENCIES.get(step.a()),
                        plans.get(step.b()));
            case 1 -> Events.feePlanChange(merchantA, plans.get(step.b()), null);
            case 2 -> Events.walletOpened(wallet, WALLET_CURRENCIES.get(step.a()), step.amount());
            case 3 -> Events.topUp(wallet, step.amount());
            case 4 -> Events.redemption(wallet, step.amount());
            case 5 -> Events.micropayment(wallet, merchantB, step.amount());
            // at least 30000, so that several captures fit in one authorization
            case 6 ->
                Events.authorization(
                        payment, merchantB, Math.max(step.amount(), 30_000), MERCHANT_CURRENCIES.get(step.b()));
            case 7 -> Events.capture(payment, step.amount());
            case 8 -> Events.refund(payment, step.amount());
            case 9 -> Events.chargeback(payment, step.amount());
            default -> Events.payout(merchantA, "bank-" + step.b(), CALENDAR.businessDate(now), step.amount());
        };
    }

    /** Settles a date as ingest would, then checks that settling it again pays nothing and replays are duplicates. */
    private static void settle(LedgerReplay ledger, LocalDate date, Instant now) {
        List<MerchantPaidOut> payouts = SettlementRun.payouts(date, ledger.settlementsOn(date));
        for (MerchantPaidOut payout : payouts) {
            assertThat(ledger.apply(SettlementRun.toEvent(payout, now)).outcome())
                    .isEqualTo(Outcome.ACCEPTED);
        }
        assertThat(SettlementRun.payouts(date, ledger.settlementsOn(date))).isEmpty();
        for (MerchantPaidOut payout : payouts) {
            assertThat(ledger.apply(SettlementRun.toEvent(payout, now)).outcome())
                    .isEqualTo(Outcome.DUPLICATE);
        }
    }

    /**
     * Every merchant, fee, partner and payout posting comes with a settlement effect, so each of
     * those balances is a sum over the rows.
     */
    private static void assertAccountsAgreeWithSettlementRows(LedgerReplay ledger) {
        Map<AccountCurrency, Long> expected = new HashMap<>();
        for (DailySettlement row : ledger.settlements()) {
            CurrencyCode currency = row.key().currency();
            String merchantId = row.merchantId().value();
            expected.merge(
                    new AccountCurrency(AccountId.merchant(merchantId), currency),
                    row.net() - row.paidOut(),
                    Long::sum);
            expected.merge(
                    new AccountCurrency(AccountId.PLATFORM_FEES, currency), row.fees() - row.commission(), Long::sum);
            expected.merge(new AccountCurrency(AccountId.PLATFORM_PAYOUTS, currency), row.paidOut(), Long::sum);
            if (!merchantId.equals("m-2")) {
                expected.merge(new AccountCurrency(AccountId.partner("pa-1"), currency), row.commission(), Long::sum);
            }
        }
        expected.forEach((account, balance) ->
                assertThat(ledger.balance(account)).as(account.toString()).isEqualTo(balance));
        ledger.balances().forEach((account, balance) -> {
            switch (account.account().type()) {
                case MERCHANT, PARTNER ->
                    assertThat(expected).as(account.toString()).containsKey(account);
                case WALLET ->
                    assertThat(balance)
                            .isEqualTo(ledger.wallet(account.account().ownerId())
                                    .orElseThrow()
                                    .balanceMinor());
                default -> {}
            }
        });
        ledger.balances().forEach((account, balance) -> {
            if (account.account().type() == org.kleline.ledger.model.account.AccountType.PARTNER
                    || account.account().equals(AccountId.PLATFORM_FEES)) {
                assertThat(balance).as(account.toString()).isNotNegative();
            }
        });
    }
}
