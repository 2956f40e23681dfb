package org.kleline.ledger.cli.settle;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.api.ConcurrentRequests;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.LedgerApiOptions;
import org.kleline.ledger.cli.api.MerchantLookup;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.money.MinorUnits;
import org.kleline.ledger.cli.period.DateRange;
import org.kleline.ledger.cli.period.FromToOptions;
import org.kleline.ledger.cli.progress.Elapsed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger settle}: pays merchants what each business date owes them, date by date, through the API. */
@Command(
        name = "settle",
        sortOptions = false,
        description = {
            "Settle business dates through the API (POST /v1/settlements/{date}/settle): "
                    + "each merchant whose settlement row of the date has net - paidOut > 0 is paid that amount (a "
                    + "MerchantPaidOut). Prints every payout, in date order, and the total.",
            "Settling a date again pays nothing twice. A 503 (the projector behind the log) is retried after "
                    + "its Retry-After, for up to 10 minutes a date.",
            ""
        })
public final class SettleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerApiOptions apiOptions;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One business date.")
    LocalDate date;

    @Mixin
    FromToOptions fromTo;

    @Option(
            names = "--concurrency",
            defaultValue = "16",
            paramLabel = "N",
            description = {
                "Dates settled at once (default ${DEFAULT-VALUE}, 1.." + ConcurrentRequests.IN_FLIGHT_MAX
                        + "). Dates are independent; the server settles each once its projector has caught up with "
                        + "the log, so one at a time a year waits that out 365 times."
            })
    int concurrency;

    @Override
    public Integer call() {
        DateRange range = range();
        LedgerApi api = apiOptions.connect();
        RetryWhenBusy retry = RetryWhenBusy.standard();
        SettlementRuns runs = new SettlementRuns(api, retry);
        ConcurrentRequests<LocalDate, List<SettledPayout>> concurrent;
        try {
            concurrent = new ConcurrentRequests<>(concurrency, "ledger-settle", runs::settle);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        MerchantLookup merchants = new MerchantLookup(api, retry);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Settling %s (%s) through %s%n", range, dates(range.days()), api.base());
        long started = System.nanoTime();
        PayoutTally tally = new PayoutTally();
        concurrent.run(range.dates(), (day, payouts) -> {
            if (payouts.isEmpty()) {
                out.printf("%s  no payout due%n", day);
            }
            for (SettledPayout payout : payouts) {
                String currency = merchants.merchant(payout.merchantId()).currency();
                out.printf(
                        "%s  %-12s %-32s %16s%n",
                        day,
                        payout.merchantId(),
                        payout.payoutId(),
                        MinorUnits.withCurrency(payout.amount(), currency));
                tally.add(currency, payout.amount());
            }
            out.flush();
        });
        out.printf(Locale.ROOT, "Settled %s in %s: %s%n", dates(range.days()), Elapsed.since(started), tally);
        out.flush();
        return 0;
    }

    private static String dates(int days) {
        return days == 1 ? "1 date" : days + " dates";
    }

    private DateRange range() {
        if (date == null) {
            return fromTo.range("give --date YYYY-MM-DD, or --from YYYY-MM-DD and --to YYYY-MM-DD");
        }
        if (fromTo.anyGiven()) {
            throw new ParameterException(
                    spec.commandLine(), "--date settles one date; --from and --to a range: give one or the other");
        }
        return DateRange.of(date);
    }
}
