package org.kleline.ledger.projector.topology;

import java.time.Instant;
import java.time.LocalDate;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;

/** Small builders of log events for the topology tests. Times are epoch millis. */
public final class TestEvents {

    /** 2024-03-01T10:00:00Z, 11:00 in Paris. */
    public static final long T0 = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();

    public static final long MINUTE = 60_000L;

    /** card 2.5% + 25, micro 5% + 1, chargeback fee 1500, partner share 20%. */
    public static final FeePlan PLAN = new FeePlan(250, 25L, 500, 1L, 1_500L, 2_000);
    /** card 1% + 0, micro 10% + 0, chargeback fee 1000, partner share 50%. */
    public static final FeePlan PLAN_B = new FeePlan(100, 0L, 1_000, 0L, 1_000L, 5_000);

    private TestEvents() {}

    public static EventEnvelope onboard(
            String eventId, String merchantId, String currency, String partnerId, FeePlan plan, long at) {
        return env(eventId, at, new MerchantOnboarded(merchantId, "Shop " + merchantId, partnerId, currency, plan));
    }

    public static EventEnvelope changePlan(
            String eventId, String merchantId, FeePlan plan, Long effectiveFrom, long at) {
        return env(
                eventId,
                at,
                new MerchantFeePlanChanged(
                        merchantId, plan, effectiveFrom == null ? null : Instant.ofEpochMilli(effectiveFrom)));
    }

    public static EventEnvelope openWallet(String eventId, String walletId, String currency, long maxBalance, long at) {
        return env(eventId, at, new WalletOpened(walletId, currency, maxBalance));
    }

    public static EventEnvelope topUp(String eventId, String walletId, long amount, long at) {
        return env(eventId, at, new WalletToppedUp(walletId, amount));
    }

    public static EventEnvelope redeem(String eventId, String walletId, long amount, long at) {
        return env(eventId, at, new WalletRedeemed(walletId, amount));
    }

    public static EventEnvelope micro(String eventId, String walletId, String merchantId, long amount, long at) {
        return env(eventId, at, new MicropaymentRequested(walletId, merchantId, amount));
    }

    public static EventEnvelope authorize(
            String eventId, String paymentId, String merchantId, long amount, String currency, long at) {
        return env(eventId, at, new CardPaymentAuthorized(paymentId, merchantId, amount, currency));
    }

    public static EventEnvelope capture(String eventId, String paymentId, long amount, long at) {
        return env(eventId, at, new CardPaymentCaptured(paymentId, amount));
    }

    public static EventEnvelope refund(String eventId, String paymentId, long amount, long at) {
        return env(eventId, at, new CardPaymentRefunded(paymentId, amount));
    }

    public static EventEnvelope chargeback(String eventId, String paymentId, long amount, long at) {
        return env(eventId, at, new CardPaymentChargedBack(paymentId, amount, "4837"));
    }

    public static EventEnvelope payout(
            String eventId, String merchantId, String payoutId, LocalDate date, long amount, long at) {
        return env(eventId, at, new MerchantPaidOut(merchantId, payoutId, date, amount));
    }

    public static EventEnvelope env(String eventId, long at, Object payload) {
        return new EventEnvelope(eventId, Instant.ofEpochMilli(at), payload, null, null);
    }
}
