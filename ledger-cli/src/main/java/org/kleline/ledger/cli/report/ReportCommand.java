package org.kleline.ledger.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.LedgerApiOptions;
import org.kleline.ledger.cli.api.MerchantLookup;
import org.kleline.ledger.cli.api.PeriodRows;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.period.DateRange;
import org.kleline.ledger.cli.period.YearOrMonthOptions;
import org.kleline.ledger.cli.progress.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger report}: a month's or a year's figures per merchant and per partner, from the settlement views. */
@Command(
        name = "report",
        sortOptions = false,
        description = {
            "Report a month or a year per merchant and per partner: payments counted, gross, refunds, "
                    + "chargebacks, fees, commission (the partner's part of the fees), net and paid out, per currency.",
            "The figures are the settlement rows of each date of the period (GET /v1/settlements/{date}), "
                    + "summed; a partner's are those of its merchants (GET /v1/merchants/{id} names the partner).",
            "A table with each currency's decimals, or CSV with --csv (amounts as integers of minor units).",
            ""
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerApiOptions apiOptions;

    @Mixin
    YearOrMonthOptions yearOrMonth;

    @Option(names = "--csv", description = "CSV on stdout instead of a table.")
    boolean csv;

    @Override
    public Integer call() {
        if (yearOrMonth.given() != 1) {
            throw new ParameterException(spec.commandLine(), "give --month YYYY-MM or --year YYYY (one of them)");
        }
        DateRange period = yearOrMonth.period();
        LedgerApi api = apiOptions.connect();
        RetryWhenBusy retry = RetryWhenBusy.standard();
        ProgressLine progress = ProgressLine.onStderr(spec.commandLine().getErr());
        List<PeriodReport.Row> rows = new ArrayList<>();
        for (JsonNode row : PeriodRows.read(api, retry, period, progress)) {
            rows.add(new PeriodReport.Row(
                    row.get("merchantId").asText(), row.get("currency").asText(), Figures.ofRow(row)));
        }
        MerchantLookup merchants = new MerchantLookup(api, retry);
        merchants.askAll(
                rows.stream().map(PeriodReport.Row::merchantId).distinct().toList());
        PeriodReport report = PeriodReport.of(
                period, rows, merchantId -> merchants.merchant(merchantId).partnerId());
        progress.finish(String.format(Locale.ROOT, "read %,d settlement rows of %d dates", rows.size(), period.days()));
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            out.print(ReportRendering.csv(report));
        } else {
            out.printf(
                    Locale.ROOT,
                    "Kleline Ledger, %s: %,d settlement rows from %s (amounts in major units)%n%n",
                    period,
                    rows.size(),
                    api.base());
            out.print(ReportRendering.table(report));
        }
        out.flush();
        return 0;
    }
}
