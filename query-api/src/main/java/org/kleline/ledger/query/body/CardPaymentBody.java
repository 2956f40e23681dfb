package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.kleline.ledger.projector.read.CardPaymentRecord;

/** {@code GET /v1/card-payments/{paymentId}}: the payment's sums so far and its status (docs/domain.md). */
@JsonPropertyOrder({"paymentId", "merchantId", "currency", "status", "authorized", "captured", "refunded", "chargedBack"
})
public record CardPaymentBody(
        String paymentId,
        String merchantId,
        String currency,
        String status,
        long authorized,
        long captured,
        long refunded,
        long chargedBack) {

    public CardPaymentBody {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
    }

    public static CardPaymentBody of(CardPaymentRecord r) {
        return new CardPaymentBody(
                r.getPaymentId(),
                r.getMerchantId(),
                r.getCurrency(),
                r.getStatus(),
                r.getAuthorized(),
                r.getCaptured(),
                r.getRefunded(),
                r.getChargedBack());
    }
}
