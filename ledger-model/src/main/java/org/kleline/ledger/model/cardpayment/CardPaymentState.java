package org.kleline.ledger.model.cardpayment;

import java.util.Objects;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.money.RequestedAmount;

/**
 * A card payment that exists (an accepted CardPaymentAuthorized) and what happened to it
 * since. {@code captured <= authorized} and {@code refunded + chargedBack <= captured}.
 *
 * @param paymentId        the payment
 * @param merchantId       the merchant paid
 * @param currency         the payment's currency, the merchant's
 * @param authorizedMinor  the authorized amount
 * @param capturedMinor    the sum of accepted captures
 * @param refundedMinor    the sum of accepted refunds
 * @param chargedBackMinor the sum of accepted chargebacks
 */
public record CardPaymentState(
        PaymentId paymentId,
        MerchantId merchantId,
        CurrencyCode currency,
        long authorizedMinor,
        long capturedMinor,
        long refundedMinor,
        long chargedBackMinor) {

    public CardPaymentState {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        RequestedAmount.require("authorized", authorizedMinor);
        if (capturedMinor < 0
                || capturedMinor > authorizedMinor
                || refundedMinor < 0
                || chargedBackMinor < 0
                || refundedMinor + chargedBackMinor > capturedMinor) {
            throw new IllegalArgumentException("payment " + paymentId + " needs 0 <= captured <= authorized and "
                    + "refunded + chargedBack <= captured: authorized " + authorizedMinor + ", captured "
                    + capturedMinor + ", refunded " + refundedMinor + ", chargedBack " + chargedBackMinor);
        }
    }

    /** A payment just authorized: nothing captured yet. */
    public static CardPaymentState authorized(
            PaymentId paymentId, MerchantId merchantId, CurrencyCode currency, long authorizedMinor) {
        return new CardPaymentState(paymentId, merchantId, currency, authorizedMinor, 0, 0, 0);
    }

    public CardPaymentStatus status() {
        return CardPaymentStatus.of(capturedMinor, refundedMinor, chargedBackMinor);
    }

    /** What captures may still take: {@code authorized - captured}. */
    public long capturableMinor() {
        return authorizedMinor - capturedMinor;
    }

    /** What refunds and chargebacks may still take: {@code captured - refunded - chargedBack}. */
    public long returnableMinor() {
        return capturedMinor - refundedMinor - chargedBackMinor;
    }

    public CardPaymentState withCaptured(long amountMinor) {
        return withTaken(capturedMinor + amountMinor, refundedMinor, chargedBackMinor);
    }

    public CardPaymentState withRefunded(long amountMinor) {
        return withTaken(capturedMinor, refundedMinor + amountMinor, chargedBackMinor);
    }

    public CardPaymentState withChargedBack(long amountMinor) {
        return withTaken(capturedMinor, refundedMinor, chargedBackMinor + amountMinor);
    }

    /** This payment with its captured, refunded and charged back totals replaced. */
    private CardPaymentState withTaken(long captured, long refunded, long chargedBack) {
        return new CardPaymentState(paymentId, merchantId, currency, authorizedMinor, captured, refunded, chargedBack);
    }
}
