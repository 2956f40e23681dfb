package org.kleline.ledger.simulator.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How a year's transactions spread over its days: a growth curve (December's volume about 4.5
 * times January's, Kleline's "over 350%" growth of 1999), a weekly rhythm (Sundays quietest) and
 * public holidays; and, from K-Wallet's launch, the micropayments' rising share of each day.
 *
 * <p>Weights are integers and the split is a largest-remainder apportionment, so the days add up to
 * exactly the requested total.
 */
public final class VolumeCurve {

    /** Mid-December's daily level over mid-January's. */
    public static final double GROWTH_DECEMBER_OVER_JANUARY = 4.5;

    /** Monday first. Online shopping in 1999 was an office-hours and weekday-evening affair. */
    private static final int[] WEEKDAY_PERCENT = {104, 104, 102, 102, 98, 80, 58};

    private static final int HOLIDAY_PERCENT = 60;
    private static final Set<MonthDay> HOLIDAYS =
            Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(7, 14), MonthDay.of(12, 25));
    private static final long GROWTH_SCALE = 10_000L;

    /** Micropayments' share of a day's transactions, in parts per million, at launch and at year end. */
    public static final long MICRO_SHARE_AT_LAUNCH_PPM = 30_000L;

    public static final long MICRO_SHARE_AT_YEAR_END_PPM = 250_000L;
    private static final long PPM = 1_000_000L;

    private final YearCalendar calendar;

    public VolumeCurve(YearCalendar calendar) {
        this.calendar = calendar;
    }

    /** The relative volume of each day; only ratios matter. */
    public long[] dayWeights() {
        int days = calendar.days();
        int midJanuary = 14;
        int midDecember = days - 17;
        long[] weights = new long[days];
        for (int day = 0; day < days; day++) {
            LocalDate date = calendar.date(day);
            double exponent = (double) (day - midJanuary) / (midDecember - midJanuary);
            long growth = Math.round(GROWTH_SCALE * StrictMath.pow(GROWTH_DECEMBER_OVER_JANUARY, exponent));
            long weekday = WEEKDAY_PERCENT[date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
            long holiday = HOLIDAYS.contains(MonthDay.from(date)) ? HOLIDAY_PERCENT : 100;
            weights[day] = growth * weekday * holiday;
        }
        return weights;
    }

    /** {@code total} transactions split over the days in proportion to {@link #dayWeights()}, exactly. */
    public long[] transactionsPerDay(long total) {
        long[] weights = dayWeights();
        long weightSum = Arrays.stream(weights).sum();
        long[] counts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long assigned = 0;
        for (int day = 0; day < weights.length; day++) {
            // total <= 1e8 and a weight <= ~5e8 keep the product far inside a long.
            long product = total * weights[day];
            counts[day] = product / weightSum;
            remainders[day] = product % weightSum;
            assigned += counts[day];
        }
        int[] byRemainder = IntStream.range(0, weights.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingLong(day -> remainders[day])
                        .reversed()
                        .thenComparingInt(day -> day))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int i = 0; assigned < total; i++, assigned++) {
            counts[byRemainder[i]]++;
        }
        return counts;
    }

    /**
     * How many of each day's transactions are micropayments: none before K-Wallet's launch, then a
     * share rising from {@value #MICRO_SHARE_AT_LAUNCH_PPM} to {@value #MICRO_SHARE_AT_YEAR_END_PPM}
     * ppm. Rounded on the running total, so a small year still gets its few micropayments from the
     * first days of October rather than losing each day's fraction.
     */
    public long[] micropaymentsPerDay(long[] transactionsPerDay) {
        int launch = calendar.walletLaunchDay();
        int lastDay = calendar.days() - 1;
        long[] micro = new long[transactionsPerDay.length];
        long expectedPpm = 0;
        for (int day = launch; day < transactionsPerDay.length; day++) {
            long sharePpm = MICRO_SHARE_AT_LAUNCH_PPM
                    + (MICRO_SHARE_AT_YEAR_END_PPM - MICRO_SHARE_AT_LAUNCH_PPM) * (day - launch) / (lastDay - launch);
            long before = expectedPpm / PPM;
            expectedPpm += transactionsPerDay[day] * sharePpm;
            micro[day] = expectedPpm / PPM - before;
        }
        return micro;
    }
}
