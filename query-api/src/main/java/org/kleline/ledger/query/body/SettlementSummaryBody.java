package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/settlement-summary?from=&to=}: the settlement rows of a period summed per currency,
 * per date, per merchant and per partner, and the rows still OPEN (unpaid or part-paid), earliest
 * first, at most {@code openShown} of the {@code openRows}.
 */
@JsonPropertyOrder({"from", "to", "totals", "days", "merchants", "partners", "openRows", "open"})
public record SettlementSummaryBody(
        LocalDate from,
        LocalDate to,
        List<CurrencyTotals> totals,
        List<DayFigures> days,
        List<MerchantFigures> merchants,
        List<PartnerFigures> partners,
        long openRows,
        List<SettlementRowBody> open) {

    public SettlementSummaryBody {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        totals = List.copyOf(totals);
        days = List.copyOf(days);
        merchants = List.copyOf(merchants);
        partners = List.copyOf(partners);
        open = List.copyOf(open);
    }
}
