package org.kleline.ledger.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.kleline.ledger.cli.period.DateRange;

/**
 * A period's figures per merchant, per partner (the sum of the partner's merchants) and in total,
 * each per currency, from the settlement rows of every date of the period.
 */
record PeriodReport(DateRange period, List<Line> merchants, List<Line> partners, List<Line> totals) {

    /** One settlement row's figures, as read. */
    public record Row(String merchantId, String currency, Figures figures) {}

    /**
     * One line of the report.
     *
     * @param id        a merchantId, a partnerId, or {@code TOTAL}
     * @param partnerId a merchant's partner; empty for a merchant without one and for the other lines
     * @param merchants how many merchants the line sums
     */
    public record Line(String id, Optional<String> partnerId, String currency, int merchants, Figures figures) {}

    public static final String TOTAL = "TOTAL";

    public PeriodReport {
        merchants = List.copyOf(merchants);
        partners = List.copyOf(partners);
        totals = List.copyOf(totals);
    }

    /**
     * @param rows      every row of every date of the period
     * @param partnerOf a merchant's partner, if it has one
     */
    public static PeriodReport of(DateRange period, List<Row> rows, Function<String, Optional<String>> partnerOf) {
        Map<String, Map<String, Figures>> byMerchant = new TreeMap<>();
        for (Row row : rows) {
            byMerchant
                    .computeIfAbsent(row.merchantId(), m -> new TreeMap<>())
                    .merge(row.currency(), row.figures(), Figures::plus);
        }
        List<Line> merchantLines = new ArrayList<>();
        Map<String, Map<String, Line>> byPartner = new TreeMap<>();
        Map<String, Line> totals = new TreeMap<>();
        byMerchant.forEach((merchantId, byCurrency) -> {
            Optional<String> partnerId = partnerOf.apply(merchantId);
            byCurrency.forEach((currency, figures) -> {
                Line line = new Line(merchantId, partnerId, currency, 1, figures);
                merchantLines.add(line);
                partnerId.ifPresent(p -> byPartner
                        .computeIfAbsent(p, x -> new TreeMap<>())
                        .merge(currency, new Line(p, Optional.empty(), currency, 1, figures), PeriodReport::sum));
                totals.merge(currency, new Line(TOTAL, Optional.empty(), currency, 1, figures), PeriodReport::sum);
            });
        });
        List<Line> partnerLines = new ArrayList<>();
        byPartner.values().forEach(byCurrency -> partnerLines.addAll(byCurrency.values()));
        return new PeriodReport(period, merchantLines, partnerLines, new ArrayList<>(totals.values()));
    }

    private static Line sum(Line a, Line b) {
        return new Line(
                a.id(),
                a.partnerId(),
                a.currency(),
                a.merchants() + b.merchants(),
                a.figures().plus(b.figures()));
    }
}
