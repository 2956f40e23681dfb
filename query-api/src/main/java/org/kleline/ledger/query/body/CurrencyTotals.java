package org.kleline.ledger.query.body;

import java.util.Objects;

/**
 * The sums of every row of a period in one currency; {@code decimals} is the currency's number of
 * minor-unit digits (2 for EUR), for showing amounts in major units.
 */
public record CurrencyTotals(String currency, int decimals, int merchants, SettlementFigures figures) {

    public CurrencyTotals {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(figures, "figures");
    }
}
