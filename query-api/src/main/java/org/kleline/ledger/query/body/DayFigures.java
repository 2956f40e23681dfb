package org.kleline.ledger.query.body;

import java.time.LocalDate;
import java.util.Objects;

/** The sums of every row of one business date in one currency. */
public record DayFigures(LocalDate date, String currency, SettlementFigures figures) {

    public DayFigures {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(figures, "figures");
    }
}
