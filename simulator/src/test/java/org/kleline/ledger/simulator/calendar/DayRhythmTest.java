package org.kleline.ledger.simulator.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DayRhythmTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final YearCalendar calendar = new YearCalendar(1999, PARIS);
    private final DayRhythm rhythm = new DayRhythm(calendar);

    @Test
    void slotsAreSortedAndInsideTheirDay() {
        int day = LocalDate.of(1999, 5, 12).getDayOfYear() - 1;

        long[] times = rhythm.slotTimes(day, 5_000, new SplittableRandom(3));

        assertThat(times).isSorted();
        assertThat(times[0]).isGreaterThanOrEqualTo(calendar.dayStartMs(day));
        assertThat(times[times.length - 1]).isLessThan(calendar.dayStartMs(day + 1));
    }

    @Test
    void eveningIsBusierThanTheSmallHours() {
        int day = LocalDate.of(1999, 5, 12).getDayOfYear() - 1;
        long[] times = rhythm.slotTimes(day, 20_000, new SplittableRandom(3));
        int[] byHour = new int[24];
        for (long t : times) {
            byHour[ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), PARIS).getHour()]++;
        }
        int night = byHour[2] + byHour[3] + byHour[4];
        int evening = byHour[20] + byHour[21] + byHour[22];

        assertThat(evening).isGreaterThan(8 * night);
    }

    @Test
    void theSpringForwardDayHasNoSlotInItsMissingHour() {
        LocalDate springForward = LocalDate.of(1999, 3, 28);
        int day = springForward.getDayOfYear() - 1;

        long[] times = rhythm.slotTimes(day, 20_000, new SplittableRandom(5));

        assertThat(calendar.dayStartMs(day + 1) - calendar.dayStartMs(day)).isEqualTo(23 * 3_600_000L);
        for (long t : times) {
            assertThat(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), PARIS).toLocalDate())
                    .isEqualTo(springForward);
        }
    }

    @Test
    void aDayOfTheYearIsFoundFromAnyOfItsInstants() {
        int day = LocalDate.of(1999, 10, 31).getDayOfYear() - 1;

        assertThat(calendar.dayOf(calendar.dayStartMs(day))).isEqualTo(day);
        assertThat(calendar.dayOf(calendar.dayStartMs(day + 1) - 1)).isEqualTo(day);
        assertThat(calendar.dayStartMs(day + 1) - calendar.dayStartMs(day)).isEqualTo(25 * 3_600_000L);
    }
}
