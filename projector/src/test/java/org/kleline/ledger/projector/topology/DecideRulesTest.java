package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.outcomes.RejectionReason.ALREADY_EXISTS;
import static org.kleline.ledger.outcomes.RejectionReason.CURRENCY_MISMATCH;
import static org.kleline.ledger.outcomes.RejectionReason.EXCEEDS_CAPTURED;
import static org.kleline.ledger.outcomes.RejectionReason.INSUFFICIENT_FUNDS;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_MERCHANT;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_PAYMENT;
import static org.kleline.ledger.outcomes.RejectionReason.UNKNOWN_WALLET;
import static org.kleline.ledger.projector.topology.DecideRulesTest.Start.EMPTY_LOG;
import static org.kleline.ledger.projector.topology.DecideRulesTest.Start.FUNDED;
import static org.kleline.ledger.projector.topology.DecideRulesTest.Start.PAYMENT_CAPTURED;
import static org.kleline.ledger.projector.topology.TestEvents.MINUTE;
import static org.kleline.ledger.projector.topology.TestEvents.PLAN;
import static org.kleline.ledger.projector.topology.TestEvents.PLAN_B;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.authorize;
import static org.kleline.ledger.projector.topology.TestEvents.capture;
import static org.kleline.ledger.projector.topology.TestEvents.changePlan;
import static org.kleline.ledger.projector.topology.TestEvents.chargeback;
import static org.kleline.ledger.projector.topology.TestEvents.micro;
import static org.kleline.ledger.projector.topology.TestEvents.onboard;
import static org.kleline.ledger.projector.topology.TestEvents.openWallet;
import static org.kleline.ledger.projector.topology.TestEvents.payout;
import static org.kleline.ledger.projector.topology.TestEvents.redeem;
import static org.kleline.ledger.projector.topology.TestEvents.refund;
import static org.kleline.ledger.projector.topology.TestEvents.topUp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.CardPaymentRecord;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.WalletRecord;

/** One or more tests per row of the outcome table of docs/domain.md, through the projector's topology. */
class DecideRulesTest extends DriverPerTest {

    /** merchant m1 (EUR, partner p1, PLAN) at T0; wallet w1 (EUR, max 15000) topped up 10000. */
    void givenMerchantAndFundedWallet() {
        driver.pipe(
                onboard("m1-on", "m1", "EUR", "p1", PLAN, T0),
                openWallet("w1-open", "w1", "EUR", 15_000, T0 + MINUTE),
                topUp("w1-top", "w1", 10_000, T0 + 2 * MINUTE));
        driver.outcomes();
        driver.journal();
        driver.settlements();
    }

    /** {@link #givenMerchantAndFundedWallet}, then card payment pay1 of m1 authorized and captured for 10000. */
    void givenCapturedPayment() {
        givenMerchantAndFundedWallet();
        driver.pipe(
                authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE),
                capture("c1", "pay1", 10_000, T0 + 4 * MINUTE));
        driver.outcomes();
        driver.journal();
        driver.settlements();
    }

    EventOutcome only(Map<String, EventOutcome> outcomes, String eventId) {
        assertThat(outcomes).containsKey(eventId);
        return outcomes.get(eventId);
    }

    static void assertAccepted(EventOutcome o, Posting... postings) {
        assertThat(o.getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(o.getReason()).isNull();
        assertThat(o.getPostings()).containsExactlyInAnyOrder(postings);
    }

    static void assertRejected(EventOutcome o, RejectionReason reason) {
        assertThat(o.getOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(o.getReason()).isEqualTo(reason);
        assertThat(o.getPostings()).isEmpty();
    }

    static String paymentStatus(ProjectorDriver driver, String paymentId) {
        return driver.<CardPaymentRecord>store(StoreNames.CARD_PAYMENTS)
                .get("payment:" + paymentId)
                .getStatus();
    }

    static Posting p(String account, long amount) {
        return new Posting(account, "EUR", amount);
    }

    /** What a case starts from: nothing, merchant m1 and funded wallet w1, or a captured card payment too. */
    enum Start {
        EMPTY_LOG,
        FUNDED,
        /** {@link #FUNDED}, then card payment pay1 of m1 authorized and captured for 10000. */
        PAYMENT_CAPTURED
    }

    /**
     * A row of the outcome table: the events piped after {@code start}, the outcome of the last of which
     * {@code expected} checks; {@code andThen} checks what the event changed, or left as it was.
     */
    record Row(
            String name,
            Start start,
            List<EventEnvelope> events,
            Consumer<EventOutcome> expected,
            Consumer<ProjectorDriver> andThen) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A row that refuses its last event for {@code reason}, posting nothing. */
    static Row rejection(String name, RejectionReason reason, Start start, EventEnvelope... events) {
        return rejection(name, reason, start, driver -> {}, events);
    }

    /** A rejection after which {@code andThen} checks what the refused event left as it was. */
    static Row rejection(
            String name,
            RejectionReason reason,
            Start start,
            Consumer<ProjectorDriver> andThen,
            EventEnvelope... events) {
        return new Row(name, start, List.of(events), o -> assertRejected(o, reason), andThen);
    }

    static Stream<Row> rejections() {
        return Stream.of(
                rejection(
                        "walletOpenedAgainIsRejectedAlreadyExists",
                        ALREADY_EXISTS,
                        EMPTY_LOG,
                        openWallet("e1", "w1", "EUR", 15_000, T0),
                        openWallet("e2", "w1", "EUR", 20_000, T0 + 1)),
                rejection("redeemOfUnknownWalletIsRejected", UNKNOWN_WALLET, EMPTY_LOG, redeem("r1", "w9", 1, T0)),
                rejection(
                        "unknownWalletIsCheckedBeforeUnknownMerchant",
                        UNKNOWN_WALLET,
                        EMPTY_LOG,
                        micro("mp", "w9", "m9", 1_000, T0)),
                rejection(
                        "merchantOnboardedAfterThePaymentsTimeDoesNotExistForIt",
                        UNKNOWN_MERCHANT,
                        EMPTY_LOG,
                        openWallet("w", "w1", "EUR", 15_000, T0),
                        topUp("t", "w1", 5_000, T0 + 1),
                        onboard("late-on", "m5", "EUR", null, PLAN, T0 + 10 * MINUTE),
                        micro("mp", "w1", "m5", 1_000, T0 + 5 * MINUTE)),
                rejection(
                        "currencyMismatchIsCheckedBeforeInsufficientFunds",
                        CURRENCY_MISMATCH,
                        EMPTY_LOG,
                        onboard("m-on", "m1", "EUR", null, PLAN, T0),
                        openWallet("w", "w2", "USD", 15_000, T0),
                        micro("mp", "w2", "m1", 1_000, T0 + 1)),
                rejection(
                        "micropaymentBeyondWalletBalanceIsRejectedInsufficientFunds",
                        INSUFFICIENT_FUNDS,
                        FUNDED,
                        micro("mp", "w1", "m1", 10_001, T0 + 3 * MINUTE)),
                rejection(
                        "authorizationAgainIsRejectedAlreadyExists",
                        ALREADY_EXISTS,
                        FUNDED,
                        authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE),
                        authorize("a2", "pay1", "m1", 5_000, "EUR", T0 + 4 * MINUTE)),
                rejection(
                        "authorizationInAnotherCurrencyThanTheMerchantsIsRejected",
                        CURRENCY_MISMATCH,
                        FUNDED,
                        authorize("a1", "pay1", "m1", 10_000, "USD", T0 + 3 * MINUTE)),
                rejection(
                        "captureOfUnknownPaymentIsRejected",
                        UNKNOWN_PAYMENT,
                        EMPTY_LOG,
                        capture("c1", "pay9", 100, T0)),
                rejection(
                        "refundOfUnknownPaymentIsRejected", UNKNOWN_PAYMENT, EMPTY_LOG, refund("r1", "pay9", 100, T0)),
                rejection(
                        "refundBeyondCapturedIsRejected",
                        EXCEEDS_CAPTURED,
                        FUNDED,
                        authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE),
                        capture("c1", "pay1", 5_000, T0 + 4 * MINUTE),
                        refund("r1", "pay1", 5_001, T0 + 5 * MINUTE)),
                rejection(
                        "chargebackOfUnknownPaymentIsRejected",
                        UNKNOWN_PAYMENT,
                        EMPTY_LOG,
                        chargeback("cb1", "pay9", 100, T0)),
                rejection(
                        "chargebackBeyondWhatRefundsLeftIsRejected",
                        EXCEEDS_CAPTURED,
                        PAYMENT_CAPTURED,
                        refund("r1", "pay1", 8_000, T0 + 5 * MINUTE),
                        chargeback("cb1", "pay1", 2_001, T0 + 6 * MINUTE)),
                rejection(
                        "payoutOfUnknownMerchantIsRejected",
                        UNKNOWN_MERCHANT,
                        EMPTY_LOG,
                        payout("po1", "m9", "manual-1", LocalDate.of(2024, 3, 1), 5_000, T0)),
                rejection(
                        "merchantOnboardedAgainIsRejectedAlreadyExists",
                        ALREADY_EXISTS,
                        EMPTY_LOG,
                        d -> assertThat(d.<MerchantRecord>store(StoreNames.MERCHANTS)
                                        .get("merchant:m1")
                                        .getCurrency())
                                .isEqualTo("EUR"),
                        onboard("e1", "m1", "EUR", null, PLAN, T0),
                        onboard("e2", "m1", "USD", null, PLAN_B, T0 + 1)),
                rejection(
                        "feePlanChangeOfUnknownMerchantIsRejected",
                        UNKNOWN_MERCHANT,
                        EMPTY_LOG,
                        d -> assertThat(d.<MerchantRecord>store(StoreNames.MERCHANTS)
                                        .get("merchant:m9"))
                                .isNull(),
                        changePlan("e1", "m9", PLAN_B, null, T0)),
                rejection(
                        "topUpOfUnknownWalletIsRejected",
                        UNKNOWN_WALLET,
                        EMPTY_LOG,
                        d -> assertThat(d.totals("wallet:w9", "EUR")).isNull(),
                        topUp("e1", "w9", 100, T0)),
                rejection(
                        "micropaymentToUnknownMerchantIsRejected",
                        UNKNOWN_MERCHANT,
                        FUNDED,
                        d -> assertThat(d.balance("wallet:w1", "EUR")).isEqualTo(10_000),
                        micro("mp", "w1", "m9", 1_000, T0 + 3 * MINUTE)),
                rejection(
                        "authorizationForUnknownMerchantIsRejected",
                        UNKNOWN_MERCHANT,
                        EMPTY_LOG,
                        d -> assertThat(d.<CardPaymentRecord>store(StoreNames.CARD_PAYMENTS)
                                        .get("payment:pay1"))
                                .isNull(),
                        authorize("a1", "pay1", "m9", 10_000, "EUR", T0)),
                rejection(
                        "payoutIdUsedAgainForTheMerchantIsRejectedAlreadyExists",
                        ALREADY_EXISTS,
                        FUNDED,
                        d -> assertThat(d.balance("platform:payouts", "EUR")).isEqualTo(5_000),
                        payout("po1", "m1", "manual-1", LocalDate.of(2024, 3, 1), 5_000, T0 + 3 * MINUTE),
                        payout("po2", "m1", "manual-1", LocalDate.of(2024, 3, 1), 5_000, T0 + 4 * MINUTE)));
    }

    /**
     * A row of the outcome table that accepts an event: the events piped after {@code start}, the last of
     * which is accepted with exactly {@code postings}; {@code andThen} checks what it changed.
     */
    static Row acceptance(
            String name,
            Start start,
            List<EventEnvelope> events,
            List<Posting> postings,
            Consumer<ProjectorDriver> andThen) {
        return new Row(name, start, events, o -> assertAccepted(o, postings.toArray(Posting[]::new)), andThen);
    }

    static Stream<Row> acceptances() {
        return Stream.of(
                acceptance(
                        "merchantOnboardedIsAcceptedWithoutPostings",
                        EMPTY_LOG,
                        List.of(onboard("e1", "m1", "EUR", "p1", PLAN, T0)),
                        List.of(),
                        d -> {
                            List<KeyValue<String, JournalEntry>> journal = d.journal();
                            assertThat(journal).hasSize(1);
                            assertThat(journal.get(0).key).isEqualTo("e1");
                            assertThat(journal.get(0).value.getPostings()).isEmpty();
                            MerchantRecord m = d.<MerchantRecord>store(StoreNames.MERCHANTS)
                                    .get("merchant:m1");
                            assertThat(m.getCurrency()).isEqualTo("EUR");
                            assertThat(m.getPartnerId()).isEqualTo("p1");
                            assertThat(m.getOnboardedAt()).isEqualTo(T0);
                            assertThat(m.getFeePlans()).hasSize(1);
                            assertThat(m.getFeePlans().get(0).getMicroBps()).isEqualTo(500);
                            assertThat(m.getFeePlans().get(0).getEffectiveFrom())
                                    .isEqualTo(T0);
                        }),
                acceptance(
                        "walletOpenedIsAcceptedWithBalanceZero",
                        EMPTY_LOG,
                        List.of(openWallet("e1", "w1", "EUR", 15_000, T0)),
                        List.of(),
                        d -> assertThat(d.<WalletRecord>store(StoreNames.WALLETS)
                                        .get("wallet:w1"))
                                .isEqualTo(new WalletRecord("w1", "EUR", 0L, 15_000L))),
                acceptance(
                        "topUpCreditsTheWalletAndDebitsCardClearing",
                        EMPTY_LOG,
                        List.of(openWallet("e1", "w1", "EUR", 15_000, T0), topUp("e2", "w1", 10_000, T0 + 1)),
                        List.of(p("platform:card-clearing", -10_000), p("wallet:w1", 10_000)),
                        d -> {
                            assertThat(d.balance("wallet:w1", "EUR")).isEqualTo(10_000);
                            assertThat(d.balance("platform:card-clearing", "EUR"))
                                    .isEqualTo(-10_000);
                            assertThat(d.<WalletRecord>store(StoreNames.WALLETS)
                                            .get("wallet:w1")
                                            .getBalance())
                                    .isEqualTo(10_000L);
                        }),
                acceptance(
                        "redeemDebitsTheWalletAndCreditsCardClearing",
                        FUNDED,
                        List.of(redeem("r1", "w1", 4_000, T0 + 3 * MINUTE)),
                        List.of(p("wallet:w1", -4_000), p("platform:card-clearing", 4_000)),
                        d -> {
                            assertThat(d.balance("wallet:w1", "EUR")).isEqualTo(6_000);
                            assertThat(d.balance("platform:card-clearing", "EUR"))
                                    .isEqualTo(-6_000);
                        }),
                acceptance(
                        "micropaymentPaysMerchantFeesAndPartner",
                        FUNDED,
                        List.of(micro("mp1", "w1", "m1", 1_000, T0 + 3 * MINUTE)),
                        List.of(
                                p("wallet:w1", -1_000),
                                p("merchant:m1", 949),
                                p("platform:fees", 41),
                                p("partner:p1", 10)),
                        d -> {
                            assertThat(d.balance("wallet:w1", "EUR")).isEqualTo(9_000);
                            assertThat(d.balance("merchant:m1", "EUR")).isEqualTo(949);
                            assertThat(d.balance("platform:fees", "EUR")).isEqualTo(41);
                            assertThat(d.balance("partner:p1", "EUR")).isEqualTo(10);
                            assertThat(d.<WalletRecord>store(StoreNames.WALLETS)
                                            .get("wallet:w1")
                                            .getBalance())
                                    .isEqualTo(9_000L);
                        }),
                acceptance(
                        "micropaymentToMerchantWithoutPartnerHasNoPartnerPosting",
                        EMPTY_LOG,
                        List.of(
                                onboard("m2-on", "m2", "EUR", null, PLAN, T0),
                                openWallet("w", "w1", "EUR", 15_000, T0),
                                topUp("t", "w1", 5_000, T0 + 1),
                                micro("mp", "w1", "m2", 1_000, T0 + 2)),
                        List.of(p("wallet:w1", -1_000), p("merchant:m2", 949), p("platform:fees", 51)),
                        d -> {}),
                acceptance(
                        "aZeroFeeIsLeftOutOfTheEntry",
                        EMPTY_LOG,
                        List.of(
                                onboard("m3-on", "m3", "EUR", "p1", new FeePlan(0, 0L, 0, 0L, 0L, 0), T0),
                                openWallet("w", "w1", "EUR", 15_000, T0),
                                topUp("t", "w1", 5_000, T0 + 1),
                                micro("mp", "w1", "m3", 1_000, T0 + 2)),
                        List.of(p("wallet:w1", -1_000), p("merchant:m3", 1_000)),
                        d -> {}),
                acceptance(
                        "authorizationIsAcceptedWithoutPostings",
                        FUNDED,
                        List.of(authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE)),
                        List.of(),
                        d -> assertThat(d.<CardPaymentRecord>store(StoreNames.CARD_PAYMENTS)
                                        .get("payment:pay1"))
                                .isEqualTo(
                                        new CardPaymentRecord("pay1", "m1", "EUR", 10_000L, 0L, 0L, 0L, "AUTHORIZED"))),
                // fee 2.5% of 10000 + 25 = 275, partner 20% = 55.
                acceptance(
                        "captureCreditsMerchantLessCardFeeAndPaysThePartner",
                        FUNDED,
                        List.of(
                                authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE),
                                capture("c1", "pay1", 10_000, T0 + 4 * MINUTE)),
                        List.of(
                                p("platform:card-clearing", -10_000),
                                p("merchant:m1", 9_725),
                                p("platform:fees", 220),
                                p("partner:p1", 55)),
                        d -> assertThat(paymentStatus(d, "pay1")).isEqualTo("CAPTURED")),
                acceptance(
                        "chargebackDebitsMerchantAmountAndFeeAllOfItThePlatforms",
                        PAYMENT_CAPTURED,
                        List.of(chargeback("cb1", "pay1", 2_000, T0 + 5 * MINUTE)),
                        List.of(
                                p("merchant:m1", -3_500),
                                p("platform:card-clearing", 2_000),
                                p("platform:fees", 1_500)),
                        d -> {
                            assertThat(paymentStatus(d, "pay1")).isEqualTo("CHARGED_BACK");
                            assertThat(d.balance("partner:p1", "EUR")).isEqualTo(55);
                        }),
                acceptance(
                        "payoutDebitsMerchantAndCreditsPayouts",
                        FUNDED,
                        List.of(payout("po1", "m1", "manual-1", LocalDate.of(2024, 3, 1), 5_000, T0 + 3 * MINUTE)),
                        List.of(p("merchant:m1", -5_000), p("platform:payouts", 5_000)),
                        d -> assertThat(d.balance("platform:payouts", "EUR")).isEqualTo(5_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptances")
    void anEventTheRulesAllowIsAcceptedWithItsPostings(Row row) {
        play(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void anEventTheRulesRefuseIsRejectedWithItsReason(Row row) {
        play(row);
    }

    /** Pipes the row's events after its start, checks the last one's outcome, then what the row checks after. */
    private void play(Row row) {
        switch (row.start()) {
            case FUNDED -> givenMerchantAndFundedWallet();
            case PAYMENT_CAPTURED -> givenCapturedPayment();
            case EMPTY_LOG -> {}
        }
        driver.pipe(row.events());
        String last = row.events().get(row.events().size() - 1).getEventId();
        row.expected().accept(only(driver.outcomesById(), last));
        row.andThen().accept(driver);
    }

    @Nested
    class Merchants {
        @Test
        void feePlanChangeAppliesFromItsEffectiveFromOnward() {
            givenMerchantAndFundedWallet();
            driver.pipe(
                    changePlan("c1", "m1", PLAN_B, T0 + 60 * MINUTE, T0 + 10 * MINUTE),
                    micro("before", "w1", "m1", 1_000, T0 + 30 * MINUTE),
                    micro("after", "w1", "m1", 1_000, T0 + 60 * MINUTE));
            Map<String, EventOutcome> out = driver.outcomesById();
            assertAccepted(out.get("c1"));
            // PLAN: fee 5% of 1000 + 1 = 51, partner 20% = 10.
            assertAccepted(
                    out.get("before"),
                    p("wallet:w1", -1_000),
                    p("merchant:m1", 949),
                    p("platform:fees", 41),
                    p("partner:p1", 10));
            // PLAN_B: fee 10% of 1000 = 100, partner 50% = 50.
            assertAccepted(
                    out.get("after"),
                    p("wallet:w1", -1_000),
                    p("merchant:m1", 900),
                    p("platform:fees", 50),
                    p("partner:p1", 50));
            assertThat(driver.<MerchantRecord>store(StoreNames.MERCHANTS)
                            .get("merchant:m1")
                            .getFeePlans())
                    .hasSize(2);
        }
    }

    @Nested
    class Wallets {
        @Test
        void topUpBeyondMaxBalanceIsRejectedLimitExceededButUpToItIsAccepted() {
            driver.pipe(
                    openWallet("e1", "w1", "EUR", 15_000, T0),
                    topUp("e2", "w1", 10_000, T0 + 1),
                    topUp("e3", "w1", 5_001, T0 + 2),
                    topUp("e4", "w1", 5_000, T0 + 3));
            Map<String, EventOutcome> out = driver.outcomesById();
            assertRejected(out.get("e3"), RejectionReason.LIMIT_EXCEEDED);
            assertAccepted(out.get("e4"), p("platform:card-clearing", -5_000), p("wallet:w1", 5_000));
            assertThat(driver.balance("wallet:w1", "EUR")).isEqualTo(15_000);
        }

        @Test
        void redeemBeyondBalanceIsRejectedInsufficientFundsButAllOfItIsAccepted() {
            givenMerchantAndFundedWallet();
            driver.pipe(redeem("r1", "w1", 10_001, T0 + 3 * MINUTE), redeem("r2", "w1", 10_000, T0 + 4 * MINUTE));
            Map<String, EventOutcome> out = driver.outcomesById();
            assertRejected(out.get("r1"), RejectionReason.INSUFFICIENT_FUNDS);
            assertAccepted(out.get("r2"), p("wallet:w1", -10_000), p("platform:card-clearing", 10_000));
            assertThat(driver.balance("wallet:w1", "EUR")).isZero();
        }
    }

    @Nested
    class CardPayments {
        @Test
        void captureBeyondAuthorizedIsRejected() {
            givenMerchantAndFundedWallet();
            driver.pipe(
                    authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE),
                    capture("c1", "pay1", 6_000, T0 + 4 * MINUTE),
                    capture("c2", "pay1", 4_001, T0 + 5 * MINUTE),
                    capture("c3", "pay1", 4_000, T0 + 6 * MINUTE));
            Map<String, EventOutcome> out = driver.outcomesById();
            assertRejected(out.get("c2"), RejectionReason.EXCEEDS_AUTHORIZED);
            assertThat(out.get("c3").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.<CardPaymentRecord>store(StoreNames.CARD_PAYMENTS)
                            .get("payment:pay1")
                            .getCaptured())
                    .isEqualTo(10_000L);
        }

        @Test
        void refundDebitsMerchantAndReturnsNoFees() {
            givenCapturedPayment();
            driver.pipe(refund("r1", "pay1", 3_000, T0 + 5 * MINUTE));
            assertAccepted(
                    only(driver.outcomesById(), "r1"), p("merchant:m1", -3_000), p("platform:card-clearing", 3_000));
            assertThat(paymentStatus(driver, "pay1")).isEqualTo("PARTIALLY_REFUNDED");
            driver.pipe(refund("r2", "pay1", 7_000, T0 + 6 * MINUTE));
            assertThat(paymentStatus(driver, "pay1")).isEqualTo("REFUNDED");
            assertThat(driver.balance("platform:fees", "EUR")).isEqualTo(220);
        }
    }

    @Nested
    class Duplicates {
        @Test
        void anEventIdSeenUnderTheSameKeyIsDuplicateWithNoEffect() {
            givenMerchantAndFundedWallet();
            driver.pipe(topUp("w1-top", "w1", 2_000, T0 + 3 * MINUTE));
            EventOutcome dup = only(driver.outcomesById(), "w1-top");
            assertThat(dup.getOutcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(dup.getPostings()).isEmpty();
            assertThat(driver.journal()).isEmpty();
            assertThat(driver.balance("wallet:w1", "EUR")).isEqualTo(10_000);
        }

        @Test
        void theFirstOutcomeStaysTheOneReported() {
            givenMerchantAndFundedWallet();
            driver.pipe(topUp("w1-top", "w1", 2_000, T0 + 3 * MINUTE));
            EventOutcome reported =
                    driver.<EventOutcome>store(StoreNames.OUTCOMES).get("w1-top");
            assertThat(reported.getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(reported.getPostings())
                    .containsExactlyInAnyOrder(p("platform:card-clearing", -10_000), p("wallet:w1", 10_000));
        }

        @Test
        void aRejectedEventIdIsDuplicateToo() {
            driver.pipe(
                    topUp("t1", "w1", 100, T0),
                    openWallet("o1", "w1", "EUR", 15_000, T0 + 1),
                    topUp("t1", "w1", 100, T0 + 2));
            List<KeyValue<String, EventOutcome>> out = driver.outcomes();
            assertThat(out)
                    .extracting(kv -> kv.value.getOutcome())
                    .containsExactly(Outcome.REJECTED, Outcome.ACCEPTED, Outcome.DUPLICATE);
            assertThat(driver.<EventOutcome>store(StoreNames.OUTCOMES).get("t1").getReason())
                    .isEqualTo(RejectionReason.UNKNOWN_WALLET);
            assertThat(driver.balance("wallet:w1", "EUR")).isZero();
        }

        @Test
        void theSameEventIdUnderAnotherKeyIsNotDuplicate() {
            driver.pipe(openWallet("same", "w1", "EUR", 15_000, T0), openWallet("same", "w2", "EUR", 15_000, T0 + 1));
            assertThat(driver.outcomes())
                    .extracting(kv -> kv.value.getOutcome())
                    .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
            assertThat(driver.<WalletRecord>store(StoreNames.WALLETS).get("wallet:w2"))
                    .isNotNull();
        }

        @Test
        void anEventIdReusedUnderAnotherKeyKeepsItsOwnDuplicateCheckAndFirstOutcome() {
            driver.pipe(
                    openWallet("same", "w1", "EUR", 15_000, T0),
                    openWallet("same", "w2", "EUR", 15_000, T0 + 1),
                    openWallet("same", "w2", "EUR", 15_000, T0 + 2),
                    openWallet("same", "w1", "EUR", 15_000, T0 + 3));
            assertThat(driver.outcomes())
                    .extracting(kv -> kv.value.getOutcome())
                    .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.DUPLICATE);
            KeyValueStore<String, EventOutcome> outcomes = driver.store(StoreNames.OUTCOMES);
            assertThat(outcomes.get("same").getKey()).isEqualTo("wallet:w1");
            assertThat(outcomes.get("same|wallet:w2").getKey()).isEqualTo("wallet:w2");
            assertThat(outcomes.get("same|wallet:w2").getOutcome()).isEqualTo(Outcome.ACCEPTED);
        }

        @Test
        void anEventIdReusedUnderAnotherKeyAtTheSameInstantAddsToTheStatementLineTheFirstWrote() {
            // The statement line of an event is written without being read when the eventId is new in the
            // partition; here it is not, and the second top-up's clearing posting must add to the first's line.
            driver.pipe(
                    openWallet("o1", "w1", "EUR", 15_000, T0),
                    openWallet("o2", "w2", "EUR", 15_000, T0),
                    topUp("same", "w1", 100, T0 + MINUTE),
                    topUp("same", "w2", 250, T0 + MINUTE));
            KeyValueStore<String, AccountEntry> lines = driver.store(StoreNames.ACCOUNT_ENTRIES);
            assertThat(lines.get(AccountKeys.entry("wallet:w1", "EUR", T0 + MINUTE, "same"))
                            .getAmount())
                    .isEqualTo(100);
            assertThat(lines.get(AccountKeys.entry("wallet:w2", "EUR", T0 + MINUTE, "same"))
                            .getAmount())
                    .isEqualTo(250);
            assertThat(lines.get(AccountKeys.entry("platform:card-clearing", "EUR", T0 + MINUTE, "same"))
                            .getAmount())
                    .isEqualTo(-350);
            assertThat(driver.balance("platform:card-clearing", "EUR")).isEqualTo(-350);
        }
    }
}
