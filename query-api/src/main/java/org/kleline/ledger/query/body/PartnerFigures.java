package org.kleline.ledger.query.body;

import java.util.Objects;

/**
 * The sums of the rows of a partner's merchants of a period in one currency; {@code partnerId} is left out
 * for the merchants brought by no partner.
 */
public record PartnerFigures(String partnerId, String currency, int merchants, SettlementFigures figures) {

    public PartnerFigures {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(figures, "figures");
    }
}
