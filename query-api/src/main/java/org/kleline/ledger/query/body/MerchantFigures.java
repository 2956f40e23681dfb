package org.kleline.ledger.query.body;

import java.util.Objects;

/**
 * The sums of one merchant's rows of a period in one currency, with its name and partner (left out
 * when the merchants store does not know it, or it was brought by no partner).
 */
public record MerchantFigures(
        String merchantId, String name, String partnerId, String currency, SettlementFigures figures) {

    public MerchantFigures {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(figures, "figures");
    }
}
