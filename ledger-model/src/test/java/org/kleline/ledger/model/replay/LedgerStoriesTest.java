package org.kleline.ledger.model.replay;

import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.chargeback;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.feePlanChange;
import static org.kleline.ledger.model.fixtures.Events.micropayment;
import static org.kleline.ledger.model.fixtures.Events.minutes;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.plan;
import static org.kleline.ledger.model.fixtures.Events.refund;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;
import static org.kleline.ledger.model.fixtures.LedgerStory.given;
import static org.kleline.ledger.model.fixtures.Postings.eur;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * Rules that take several events to state, as stories. The standard plan: card 1.50% + 25, micro
 * 3.00% + 5, chargeback fee 1500, partner share 20%. Figures by hand in each test.
 */
class LedgerStoriesTest {

    private static final EventEnvelope ONBOARDED =
            event("e-on", T0.minusSeconds(3_600), onboarding("m-1", "pa-1", "EUR", standardPlan()));
    private static final EventEnvelope AUTHORIZED =
            event("e-au", minutes(1), authorization("p-1", "m-1", 10_000, "EUR"));
    private static final EventEnvelope CAPTURED = event("e-ca", minutes(2), capture("p-1", 10_000));

    @Test
    void aRefundReturnsTheAmountButNotTheFee() {
        // The capture's fee: halfEven(10000 * 150, 10000) + 25 = 175, which the refund does not return.
        given(ONBOARDED, AUTHORIZED, CAPTURED)
                .when(event("e-re", minutes(3), refund("p-1", 4_000)))
                .then()
                .isAccepted()
                .posts(eur("merchant:m-1", -4_000), eur("platform:card-clearing", 4_000))
                .balanceInEur("merchant:m-1", 10_000 - 175 - 4_000);
    }

    @Test
    void refundsAndChargebacksTogetherCannotPassWhatWasCaptured() {
        given(ONBOARDED, AUTHORIZED, CAPTURED, event("e-re", minutes(3), refund("p-1", 6_000)))
                .when(event("e-cb", minutes(4), chargeback("p-1", 4_001)))
                .then()
                .isRejected(RejectionReason.EXCEEDS_CAPTURED);
    }

    @Test
    void aChargebackCostsTheMerchantItsFeeAllOfItThePlatforms() {
        given(ONBOARDED, AUTHORIZED, CAPTURED)
                .when(event("e-cb", minutes(4), chargeback("p-1", 3_000)))
                .then()
                .isAccepted()
                .posts(eur("merchant:m-1", -4_500), eur("platform:card-clearing", 3_000), eur("platform:fees", 1_500));
    }

    @ParameterizedTest(name = "a micropayment at minute {1} credits the merchant {2}")
    @CsvSource({"e-mp1, 5, 965, 28, 7", "e-mp2, 10, 900, 80, 20"})
    void aFeePlanChangeTakesEffectAtItsTimeNotBefore(
            String eventId, int minute, long merchantCredit, long platformFees, long partnerCommission) {
        // Micro 10.00% + 0 from minute 10: a micropayment of 1000 at minute 5 pays 35, at minute 10 pays 100.
        EventEnvelope wallet = event("e-wo", T0.minusSeconds(60), walletOpened("w-1", "EUR", 15_000));
        EventEnvelope funded = event("e-wt", T0.minusSeconds(30), topUp("w-1", 5_000));
        EventEnvelope change =
                event("e-plan", minutes(1), feePlanChange("m-1", plan(150, 25, 1_000, 0, 1_500, 2_000), minutes(10)));
        given(ONBOARDED, wallet, funded, change)
                .when(event(eventId, minutes(minute), micropayment("w-1", "m-1", 1_000)))
                .then()
                .isAccepted()
                .posts(
                        eur("wallet:w-1", -1_000),
                        eur("merchant:m-1", merchantCredit),
                        eur("platform:fees", platformFees),
                        eur("partner:pa-1", partnerCommission));
    }

    @Test
    void anEventIdSeenUnderItsKeyIsADuplicateEvenAfterARejection() {
        EventEnvelope tooMuch = event("e-ca2", minutes(3), capture("p-1", 1));
        given(ONBOARDED, AUTHORIZED, CAPTURED, tooMuch)
                .when(event("e-ca2", minutes(4), capture("p-1", 1)))
                .then()
                .isDuplicate();
    }
}
