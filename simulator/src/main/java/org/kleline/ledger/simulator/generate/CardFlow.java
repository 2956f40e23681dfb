package org.kleline.ledger.simulator.generate;

import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.simulator.business.MerchantProfile;
import org.kleline.ledger.simulator.business.Rates;
import org.kleline.ledger.simulator.calendar.OfficeHours;
import org.kleline.ledger.simulator.calendar.YearCalendar;

/**
 * Card payments: authorized at the purchase, captured minutes to two days later (a few for less
 * than authorized), then now and then refunded days later or charged back weeks later, in
 * office hours. Each
 * payment is captured once, so every purchase is exactly one transaction.
 */
final class CardFlow {

    /** Visa reason codes of the time: fraud (card absent), not received, not as described, cancelled, not recognized. */
    private static final String[] REASON_CODES = {"83", "30", "53", "41", "75"};

    private static final int[] REASON_WEIGHTS = {40, 20, 20, 5, 15};

    private final Market market;
    private final OfficeHours officeHours;
    private final long yearEndMs;
    private final SequenceIds paymentIds = new SequenceIds("cp-", 8);

    CardFlow(Market market, YearCalendar calendar) {
        this.market = market;
        this.officeHours = new OfficeHours(calendar);
        this.yearEndMs = calendar.endMs();
    }

    /** A customer pays by card at {@code atMs}: the authorization, with its capture scheduled. */
    SimulatedEvent purchase(long atMs) {
        MerchantProfile merchant = market.active().drawForCard(market.chance());
        long amount = market.amounts().cardBasket();
        String paymentId = paymentIds.next();
        long captured = market.chance().happens(Rates.PARTIAL_CAPTURE_PPM)
                ? market.amounts().part(amount)
                : amount;
        market.agenda().scheduleClamped(captureAtMs(atMs), new Action.Capture(paymentId, captured));
        if (market.chance().happens(Rates.ABANDONED_AUTHORIZATION_PPM)) {
            market.agenda()
                    .scheduleWithinYear(
                            atMs + market.chance().between(Rates.ABANDONED_MS_MIN, Rates.ABANDONED_MS_MAX),
                            new Action.AbandonedAuthorization(
                                    merchant.index(), market.amounts().cardBasket()));
        }
        return authorization(atMs, paymentId, merchant, amount);
    }

    SimulatedEvent abandoned(long atMs, Action.AbandonedAuthorization abandoned) {
        return authorization(
                atMs, paymentIds.next(), market.roster().profile(abandoned.merchant()), abandoned.amount());
    }

    SimulatedEvent capture(long atMs, Action.Capture capture) {
        if (market.chance().happens(Rates.REFUND_PPM)) {
            long refunded = market.chance().happens(Rates.PARTIAL_REFUND_PPM)
                    ? market.amounts().refundPart(capture.amount())
                    : capture.amount();
            market.agenda()
                    .scheduleWithinYear(
                            officeDaysLater(atMs, Rates.REFUND_DAYS_MIN, Rates.REFUND_DAYS_MAX),
                            new Action.Refund(capture.paymentId(), refunded));
        } else if (market.chance().happens(Rates.CHARGEBACK_PPM)) {
            market.agenda()
                    .scheduleWithinYear(
                            officeDaysLater(atMs, Rates.CHARGEBACK_DAYS_MIN, Rates.CHARGEBACK_DAYS_MAX),
                            new Action.Chargeback(capture.paymentId(), capture.amount()));
        }
        return market.emitter()
                .customer(
                        atMs, new CardPaymentCaptured(capture.paymentId(), capture.amount()), ExpectedOutcome.ACCEPTED);
    }

    SimulatedEvent refund(long atMs, Action.Refund refund) {
        return market.emitter()
                .customer(atMs, new CardPaymentRefunded(refund.paymentId(), refund.amount()), ExpectedOutcome.ACCEPTED);
    }

    SimulatedEvent chargeback(long atMs, Action.Chargeback chargeback) {
        String reasonCode = REASON_CODES[market.chance().weighted(REASON_WEIGHTS)];
        return market.emitter()
                .customer(
                        atMs,
                        new CardPaymentChargedBack(chargeback.paymentId(), chargeback.amount(), reasonCode),
                        ExpectedOutcome.ACCEPTED);
    }

    private SimulatedEvent authorization(long atMs, String paymentId, MerchantProfile merchant, long amount) {
        return market.emitter()
                .customer(
                        atMs,
                        new CardPaymentAuthorized(paymentId, merchant.merchantId(), amount, market.currency()),
                        ExpectedOutcome.ACCEPTED);
    }

    /**
     * Most merchants captured within hours; the others shipped first and captured in office hours
     * a day or two later, or within hours after all when that would fall past the year's end.
     */
    private long captureAtMs(long atMs) {
        long quickMs = atMs + market.chance().between(Rates.QUICK_CAPTURE_MS_MIN, Rates.QUICK_CAPTURE_MS_MAX);
        if (market.chance().happens(Rates.QUICK_CAPTURE_PPM)) {
            return quickMs;
        }
        long lateMs = officeDaysLater(atMs, Rates.LATE_CAPTURE_DAYS_MIN, Rates.LATE_CAPTURE_DAYS_MAX);
        return lateMs < yearEndMs ? lateMs : quickMs;
    }

    /** An instant in office hours a drawn number of days, {@code minDays} to {@code maxDays}, after {@code atMs}. */
    private long officeDaysLater(long atMs, int minDays, int maxDays) {
        return officeHours.after(
                atMs, market.chance().between(minDays, maxDays), market.chance().random());
    }
}
