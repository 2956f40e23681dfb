package org.kleline.ledger.cli.period;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Business dates from {@code from} to {@code to}, both included, at most {@value #DAYS_MAX} of them
 * (ten years: a command walks them one request at a time).
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int DAYS_MAX = 3_660;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > DAYS_MAX) {
            throw new IllegalArgumentException(
                    "--from " + from + " --to " + to + " spans " + days + " days; at most " + DAYS_MAX + " in one run");
        }
    }

    public static DateRange of(LocalDate date) {
        return new DateRange(date, date);
    }

    public static DateRange of(YearMonth month) {
        return new DateRange(month.atDay(1), month.atEndOfMonth());
    }

    public static DateRange of(Year year) {
        return new DateRange(year.atDay(1), year.atMonth(12).atEndOfMonth());
    }

    public int days() {
        return (int) (ChronoUnit.DAYS.between(from, to) + 1);
    }

    /** Every date, in order. */
    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>(days());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    @Override
    public String toString() {
        return from.equals(to) ? from.toString() : from + " .. " + to;
    }
}
