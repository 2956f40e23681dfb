package org.kleline.ledger.model.cardpayment;

/**
 * A card payment's status: the first that holds of CHARGED_BACK (chargedBack > 0), REFUNDED
 * (refunded == captured > 0), PARTIALLY_REFUNDED (refunded > 0), CAPTURED (captured > 0),
 * AUTHORIZED.
 */
public enum CardPaymentStatus {
    AUTHORIZED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    CHARGED_BACK;

    /** The status of a payment with these figures, in the order of precedence of docs/domain.md. */
    public static CardPaymentStatus of(long capturedMinor, long refundedMinor, long chargedBackMinor) {
        if (chargedBackMinor > 0) {
            return CHARGED_BACK;
        }
        if (refundedMinor > 0 && refundedMinor == capturedMinor) {
            return REFUNDED;
        }
        if (refundedMinor > 0) {
            return PARTIALLY_REFUNDED;
        }
        if (capturedMinor > 0) {
            return CAPTURED;
        }
        return AUTHORIZED;
    }
}
