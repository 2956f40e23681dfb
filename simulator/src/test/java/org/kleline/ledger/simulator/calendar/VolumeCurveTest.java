package org.kleline.ledger.simulator.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VolumeCurveTest {

    private final YearCalendar calendar = new YearCalendar(1999, ZoneId.of("Europe/Paris"));
    private final VolumeCurve curve = new VolumeCurve(calendar);

    @Test
    void daysAddUpToExactlyTheYearsTransactions() {
        for (long total : new long[] {0, 1, 7, 364, 365, 3_000, 435_105, 1_000_003}) {
            assertThat(Arrays.stream(curve.transactionsPerDay(total)).sum())
                    .as("total %d", total)
                    .isEqualTo(total);
        }
    }

    @Test
    void decemberCarriesFourAndAHalfTimesJanuary() {
        long[] days = curve.transactionsPerDay(435_105);

        long january = monthSum(days, 1);
        long december = monthSum(days, 12);

        assertThat((double) december / january).isBetween(4.3, 4.9);
    }

    @Test
    void everyMonthCarriesMoreThanTheMonthBeforeOnADailyAverage() {
        long[] days = curve.transactionsPerDay(435_105);
        double previous = 0;
        for (int month = 1; month <= 12; month++) {
            double perDay = (double) monthSum(days, month)
                    / LocalDate.of(1999, month, 1).lengthOfMonth();
            assertThat(perDay).as("month %d", month).isGreaterThan(previous);
            previous = perDay;
        }
    }

    @Test
    void sundayIsTheQuietestDayOfAWeek() {
        long[] days = curve.transactionsPerDay(435_105);
        // Week of Monday 1999-06-07 to Sunday 1999-06-13, no holiday in it.
        int monday = LocalDate.of(1999, 6, 7).getDayOfYear() - 1;
        assertThat(calendar.date(monday).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        long sunday = days[monday + 6];
        for (int d = 0; d < 6; d++) {
            assertThat(days[monday + d]).isGreaterThan(sunday);
        }
        assertThat((double) sunday / days[monday + 1]).isBetween(0.5, 0.65);
    }

    @Test
    void noMicropaymentBeforeWalletLaunchInOctober() {
        long[] days = curve.transactionsPerDay(435_105);
        long[] micro = curve.micropaymentsPerDay(days);
        int launch = calendar.walletLaunchDay();

        assertThat(calendar.date(launch)).isEqualTo(LocalDate.of(1999, 10, 1));
        assertThat(Arrays.stream(micro, 0, launch).sum()).isZero();
        assertThat(micro[launch]).isPositive();
        for (int day = 0; day < days.length; day++) {
            assertThat(micro[day]).isBetween(0L, days[day]);
        }
    }

    @Test
    void micropaymentShareRisesFromThreeToTwentyFivePercent() {
        long[] days = curve.transactionsPerDay(435_105);
        long[] micro = curve.micropaymentsPerDay(days);
        int launch = calendar.walletLaunchDay();
        int last = days.length - 1;

        assertThat((double) micro[launch] / days[launch]).isBetween(0.025, 0.035);
        assertThat((double) micro[last] / days[last]).isBetween(0.245, 0.255);
    }

    @Test
    void aSmallYearStillGetsMicropaymentsInItsFirstOctoberWeek() {
        long[] days = curve.transactionsPerDay(3_000);
        long[] micro = curve.micropaymentsPerDay(days);
        int launch = calendar.walletLaunchDay();

        assertThat(Arrays.stream(micro, launch, launch + 7).sum()).isPositive();
    }

    private long monthSum(long[] days, int month) {
        long sum = 0;
        for (int day = 0; day < days.length; day++) {
            if (calendar.date(day).getMonthValue() == month) {
                sum += days[day];
            }
        }
        return sum;
    }
}
