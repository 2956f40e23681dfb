package org.kleline.ledger.simulator.generate;

import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.simulator.business.ActiveMerchants;
import org.kleline.ledger.simulator.business.Amounts;
import org.kleline.ledger.simulator.business.Chance;
import org.kleline.ledger.simulator.business.MerchantProfile;
import org.kleline.ledger.simulator.business.MerchantRoster;
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

    private final MerchantRoster roster;
    private final ActiveMerchants active;
    private final Emitter emitter;
    private final Agenda agenda;
    private final Chance chance;
    private final Amounts amounts;
    private final OfficeHours officeHours;
    private final long yearEndMs;
    private final String currency;
    private final SequenceIds paymentIds = new SequenceIds("cp-", 8);

    CardFlow(
            MerchantRoster roster,
            ActiveMerchants active,
            Emitter emitter,
            Agenda agenda,
            Chance chance,
            YearCalendar calendar,
            String currency) {
        this.roster = roster;
        this.active = active;
        this.emitter = emitter;
        this.agenda = agenda;
        this.chance = chance;
        this.amounts = new Amounts(chance);
        this.officeHours = new OfficeHours(calendar);
        this.yearEndMs = calendar.endMs();
        this.currency = currency;
    }

    /** A customer pays by card at {@code atMs}: the authorization, with its capture scheduled. */
    SimulatedEvent purchase(long atMs) {
        MerchantProfile merchant = active.drawForCard(chance);
        long amount = amounts.cardBasket();
        String paymentId = paymentIds.next();
        long captured = chance.happens(Rates.PARTIAL_CAPTURE_PPM) ? amounts.part(amount) : amount;
        agenda.scheduleClamped(captureAtMs(atMs), new Action.Capture(paymentId, captured));
        if (chance.happens(Rates.ABANDONED_AUTHORIZATION_PPM)) {
            agenda.scheduleWithinYear(
                    atMs + chance.between(Rates.ABANDONED_MS_MIN, Rates.ABANDONED_MS_MAX),
                    new Action.AbandonedAuthorization(merchant.index(), amounts.cardBasket()));
        }
        return authorization(atMs, paymentId, merchant, amount);
    }

    SimulatedEvent abandoned(long atMs, Action.AbandonedAuthorization abandoned) {
        return authorization(atMs, paymentIds.next(), roster.profile(abandoned.merchant()), abandoned.amount());
    }

    SimulatedEvent capture(long atMs, Action.Capture capture) {
        if (chance.happens(Rates.REFUND_PPM)) {
            long refunded =
                    chance.happens(Rates.PARTIAL_REFUND_PPM) ? amounts.refundPart(capture.amount()) : capture.amount();
            agenda.scheduleWithinYear(
                    officeHours.after(
                            atMs, chance.between(Rates.REFUND_DAYS_MIN, Rates.REFUND_DAYS_MAX), chance.random()),
                    new Action.Refund(capture.paymentId(), refunded));
        } else if (chance.happens(Rates.CHARGEBACK_PPM)) {
            agenda.scheduleWithinYear(
                    officeHours.after(
                            atMs,
                            chance.between(Rates.CHARGEBACK_DAYS_MIN, Rates.CHARGEBACK_DAYS_MAX),
                            chance.random()),
                    new Action.Chargeback(capture.paymentId(), capture.amount()));
        }
        return emitter.customer(
                atMs, new CardPaymentCaptured(capture.paymentId(), capture.amount()), ExpectedOutcome.ACCEPTED);
    }

    SimulatedEvent refund(long atMs, Action.Refund refund) {
        return emitter.customer(
                atMs, new CardPaymentRefunded(refund.paymentId(), refund.amount()), ExpectedOutcome.ACCEPTED);
    }

    SimulatedEvent chargeback(long atMs, Action.Chargeback chargeback) {
        String reasonCode = REASON_CODES[chance.weighted(REASON_WEIGHTS)];
        return emitter.customer(
                atMs,
                new CardPaymentChargedBack(chargeback.paymentId(), chargeback.amount(), reasonCode),
                ExpectedOutcome.ACCEPTED);
    }

    private SimulatedEvent authorization(long atMs, String paymentId, MerchantProfile merchant, long amount) {
        return emitter.customer(
                atMs,
                new CardPaymentAuthorized(paymentId, merchant.merchantId(), amount, currency),
                ExpectedOutcome.ACCEPTED);
    }

    /**
     * Most merchants captured within hours; the others shipped first and captured in office hours
     * a day or two later, or within hours after all when that would fall past the year's end.
     */
    private long captureAtMs(long atMs) {
        long quickMs = atMs + chance.between(Rates.QUICK_CAPTURE_MS_MIN, Rates.QUICK_CAPTURE_MS_MAX);
        if (chance.happens(Rates.QUICK_CAPTURE_PPM)) {
            return quickMs;
        }
        long lateMs = officeHours.after(
                atMs, chance.between(Rates.LATE_CAPTURE_DAYS_MIN, Rates.LATE_CAPTURE_DAYS_MAX), chance.random());
        return lateMs < yearEndMs ? lateMs : quickMs;
    }
}
