package org.kleline.ledger.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kleline.ledger.cli.money.MinorUnits;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * A {@link PeriodReport} as text: a table for a terminal, amounts in major units with the currency's
 * decimals; or CSV, amounts as plain integers of minor units.
 */
final class ReportRendering {

    static final List<String> AMOUNT_HEADERS =
            List.of("gross", "refunds", "chargebacks", "fees", "commission", "net", "paid out");
    static final String CSV_HEADER =
            "kind,id,partnerId,currency,merchants,count,gross,refunds,chargebacks,fees," + "commission,net,paidOut";

    private ReportRendering() {}

    static String table(PeriodReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Merchants\n");
        TextTable merchants = new TextTable(headers("merchant", "partner", "currency"), 3);
        report.merchants()
                .forEach(line -> merchants.add(cells(line.id(), line.partnerId().orElse("-"), line)));
        text.append(merchants.render());
        text.append("\nPartners (the sums of their merchants)\n");
        TextTable partners = new TextTable(headers("partner", "merchants", "currency"), 3);
        report.partners().forEach(line -> partners.add(cells(line.id(), Integer.toString(line.merchants()), line)));
        text.append(partners.render());
        text.append("\nTotal\n");
        TextTable totals = new TextTable(headers("", "merchants", "currency"), 3);
        report.totals()
                .forEach(line -> totals.add(cells(PeriodReport.TOTAL, Integer.toString(line.merchants()), line)));
        text.append(totals.render());
        return text.toString();
    }

    static String csv(PeriodReport report) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        report.merchants().forEach(line -> csvLine(csv, "merchant", line));
        report.partners().forEach(line -> csvLine(csv, "partner", line));
        report.totals().forEach(line -> csvLine(csv, "total", line));
        return csv.toString();
    }

    private static List<String> headers(String first, String second, String third) {
        List<String> headers = new ArrayList<>(List.of(first, second, third, "count"));
        headers.addAll(AMOUNT_HEADERS);
        return headers;
    }

    private static List<String> cells(String first, String second, PeriodReport.Line line) {
        int digits = CurrencyCode.of(line.currency()).fractionDigits();
        List<String> cells = new ArrayList<>(List.of(
                first,
                second,
                line.currency(),
                String.format(Locale.ROOT, "%,d", line.figures().count())));
        for (long amount : line.figures().amounts()) {
            cells.add(MinorUnits.grouped(amount, digits));
        }
        return cells;
    }

    private static void csvLine(StringBuilder csv, String kind, PeriodReport.Line line) {
        // Ids and currency codes are [A-Za-z0-9._:-]: nothing to quote.
        csv.append(kind)
                .append(',')
                .append(line.id())
                .append(',')
                .append(line.partnerId().orElse(""))
                .append(',')
                .append(line.currency())
                .append(',')
                .append(line.merchants())
                .append(',')
                .append(line.figures().count());
        for (long amount : line.figures().amounts()) {
            csv.append(',').append(amount);
        }
        csv.append('\n');
    }
}
