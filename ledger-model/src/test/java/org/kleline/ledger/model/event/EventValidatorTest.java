package org.kleline.ledger.model.event;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.feePlanChange;
import static org.kleline.ledger.model.fixtures.Events.micropayment;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.payout;
import static org.kleline.ledger.model.fixtures.Events.plan;
import static org.kleline.ledger.model.fixtures.Events.redemption;
import static org.kleline.ledger.model.fixtures.Events.refund;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.validation.InvalidFieldException;

class EventValidatorTest {

    @Test
    void everyKindOfValidEventPasses() {
        List<EventEnvelope> valid = List.of(
                event("e-1", onboarding("m-1", "pa-1", "EUR", standardPlan())),
                event("e-2", onboarding("m-2", null, "JPY", standardPlan())),
                event("e-3", feePlanChange("m-1", standardPlan(), null)),
                event("e-4", feePlanChange("m-1", standardPlan(), T0)),
                event("e-5", walletOpened("w-1", "EUR", 15_000)),
                event("e-6", topUp("w-1", 1_000_000_000_000L)),
                event("e-7", redemption("w-1", 1)),
                event("e-8", micropayment("w-1", "m-1", 100)),
                event("e-9", authorization("p-1", "m-1", 10_000, "EUR")),
                event("e-10", capture("p-1", 10_000)),
                event("e-11", refund("p-1", 1)),
                event("e-12", new CardPaymentChargedBack("p-1", 1L, "10.4")),
                event("e-13", payout("m-1", "bank-2026-001", D0, 5_000)));
        for (EventEnvelope event : valid) {
            assertThatCode(() -> EventValidator.requireValidRequest(event)).doesNotThrowAnyException();
            assertThatCode(() -> EventValidator.requireValidLogEvent(event)).doesNotThrowAnyException();
        }
    }

    @Test
    void eventIdOutsideThePatternIsRefused() {
        refused(event("e".repeat(65), topUp("w-1", 1)), "eventId");
        refused(event("e 1", topUp("w-1", 1)), "eventId");
    }

    @Test
    void missingOccurredAtIsRefused() {
        EventEnvelope event = new EventEnvelope();
        event.setEventId("e-1");
        event.setPayload(topUp("w-1", 1));
        refused(event, "occurredAt").hasMessage("occurredAt is required, was null");
    }

    @Test
    void timesOutsideYears1To9999AreRefusedOnEveryPath() {
        Instant far = Instant.parse("+1000000000-01-01T00:00:00Z");
        refused(event("e-1", far, topUp("w-1", 1)), "occurredAt")
                .hasMessage("occurredAt must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, "
                        + "was +1000000000-01-01T00:00:00Z");
        refused(event("e-1", Instant.parse("0000-12-31T23:59:59.999Z"), topUp("w-1", 1)), "occurredAt");
        refused(event("e-1", T0, feePlanChange("m-1", standardPlan(), far)), "effectiveFrom");
        refused(event("e-1", T0, payout("m-1", "pay-1", LocalDate.of(10_000, 1, 1), 100)), "businessDate")
                .hasMessage("businessDate must be a date from 0001-01-01 to 9999-12-31, was +10000-01-01");
        assertThatThrownBy(() -> EventValidator.requireValidLogEvent(event("e-1", far, topUp("w-1", 1))))
                .isInstanceOf(InvalidFieldException.class);
        assertThatCode(() -> EventValidator.requireValidRequest(
                        event("e-1", Instant.parse("9999-12-31T23:59:59.999Z"), topUp("w-1", 1))))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownPayloadIsRefused() {
        refused(event("e-1", "text"), "payload");
    }

    @Test
    void amountsOutsideOneToOneTrillionAreRefused() {
        refused(event("e-1", topUp("w-1", 0)), "amount")
                .hasMessage("amount must be 1..1000000000000 minor units, was 0");
        refused(event("e-1", capture("p-1", 1_000_000_000_001L)), "amount");
        refused(event("e-1", micropayment("w-1", "m-1", -5)), "amount");
        refused(event("e-1", walletOpened("w-1", "EUR", 0)), "maxBalance");
        refused(event("e-1", payout("m-1", "bank-1", D0, 1_000_000_000_001L)), "amount");
    }

    @Test
    void idsOutsideThePatternAreRefusedByTheirFieldName() {
        refused(event("e-1", topUp("w/1", 1)), "walletId");
        refused(event("e-1", micropayment("w-1", "m 1", 1)), "merchantId");
        refused(event("e-1", refund("", 1)), "paymentId");
        refused(event("e-1", onboarding("m-1", "pa 1", "EUR", standardPlan())), "partnerId");
        refused(event("e-1", payout("m-1", "bank#1", D0, 1)), "payoutId");
    }

    @Test
    void unknownCurrencyIsRefused() {
        refused(event("e-1", walletOpened("w-1", "EURO", 15_000)), "currency");
        refused(event("e-1", authorization("p-1", "m-1", 1, "XAU")), "currency");
        refused(event("e-1", onboarding("m-1", null, "abc", standardPlan())), "currency");
    }

    @Test
    void invalidFeePlanIsRefusedNamingItsField() {
        refused(event("e-1", onboarding("m-1", null, "EUR", plan(0, 0, 10_001, 0, 0, 0))), "feePlan.microBps");
        refused(event("e-1", feePlanChange("m-1", plan(0, 0, 0, 0, -1, 0), null)), "feePlan.chargebackFee");
        refused(event("e-1", feePlanChange("m-1", null, null)), "feePlan");
    }

    @Test
    void blankOrOverlongNameAndReasonCodeAreRefused() {
        refused(
                event("e-1", new org.kleline.ledger.events.MerchantOnboarded("m-1", " ", null, "EUR", standardPlan())),
                "name");
        refused(
                event(
                        "e-1",
                        new org.kleline.ledger.events.MerchantOnboarded(
                                "m-1", "n".repeat(201), null, "EUR", standardPlan())),
                "name");
        refused(event("e-1", new CardPaymentChargedBack("p-1", 1L, "")), "reasonCode");
    }

    @Test
    void effectiveFromEarlierThanOccurredAtIsRefusedOnEveryPath() {
        EventEnvelope backdated = event("e-1", T0, feePlanChange("m-1", standardPlan(), T0.minusMillis(1)));
        refused(backdated, "effectiveFrom")
                .hasMessage("effectiveFrom must not be earlier than the event's occurredAt 2026-11-27T10:00:00Z, "
                        + "was 2026-11-27T09:59:59.999Z");
        assertThatThrownBy(() -> EventValidator.requireValidLogEvent(backdated))
                .isInstanceOf(InvalidFieldException.class);
        assertThatCode(() -> EventValidator.requireValidRequest(
                        event("e-1", T0, feePlanChange("m-1", standardPlan(), T0.plusSeconds(3600)))))
                .doesNotThrowAnyException();
    }

    @Test
    void handMadePayoutIdStartingWithPoIsRefused() {
        refused(event("e-1", payout("m-1", "po-m-1-2026-11-27", D0, 100)), "payoutId")
                .hasMessage("payoutId must not start with po- (reserved for settlement runs), was 'po-m-1-2026-11-27'");
    }

    @Test
    void logAcceptsSettlementPayoutsInTheirExactFormWithoutTheRequestLimit() {
        String merchantId = "m".repeat(64);
        String payoutId = "po-" + merchantId + "-2026-11-27-2";
        EventEnvelope settlement = event(payoutId, payout(merchantId, payoutId, D0, 2_000_000_000_000L));
        assertThatCode(() -> EventValidator.requireValidLogEvent(settlement)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventValidator.requireValidRequest(settlement))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void settlementPayoutMustMatchItsMerchantDateAndEventId() {
        refusedInLog(event("po-m-1-2026-11-28", payout("m-1", "po-m-1-2026-11-28", D0, 100)), "payoutId");
        refusedInLog(event("po-m-2-2026-11-27", payout("m-1", "po-m-2-2026-11-27", D0, 100)), "payoutId");
        refusedInLog(event("e-1", payout("m-1", "po-m-1-2026-11-27", D0, 100)), "eventId")
                .hasMessage("eventId must equal the payoutId of a settlement payout (po-m-1-2026-11-27), was 'e-1'");
        refusedInLog(event("po-m-1-2026-11-27", payout("m-1", "po-m-1-2026-11-27", D0, 0)), "amount");
        refusedInLog(event("po-m-1", payout("m-1", "po-m-1", null, 1)), "businessDate");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(EventEnvelope event, String field) {
        return assertThatThrownBy(() -> EventValidator.requireValidRequest(event))
                .isInstanceOf(InvalidFieldException.class)
                .hasFieldOrPropertyWithValue("field", field);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusedInLog(EventEnvelope event, String field) {
        return assertThatThrownBy(() -> EventValidator.requireValidLogEvent(event))
                .isInstanceOf(InvalidFieldException.class)
                .hasFieldOrPropertyWithValue("field", field);
    }
}
