package org.kleline.ledger.cli.period;

import java.time.Year;
import java.time.YearMonth;
import picocli.CommandLine.Option;

/** A period named as a calendar year or a month ({@code --year}, {@code --month}), for the commands that read one. */
public final class YearOrMonthOptions {

    @Option(names = "--year", paramLabel = "YYYY", description = "The period: a year.")
    Year year;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The period: a month.")
    YearMonth month;

    /** How many of {@code --year} and {@code --month} were given: a command wants exactly one. */
    public int given() {
        return (year != null ? 1 : 0) + (month != null ? 1 : 0);
    }

    /** The dates of the year or the month given; the caller has checked {@code given() == 1}. */
    public DateRange period() {
        if (given() != 1) {
            throw new IllegalStateException("exactly one of --year and --month is needed, got " + given());
        }
        return year != null ? DateRange.of(year) : DateRange.of(month);
    }
}
