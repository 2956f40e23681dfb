package org.kleline.ledger.simulator.calendar;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When in a day people bought, by local hour: little at night, a lunchtime peak at the office, the
 * highest in the evening on the home modem.
 */
public final class DayRhythm {

    private static final int HOURS = 24;
    private static final int[] HOUR_WEIGHTS = {
        3, 2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 10, 10, 10, 10, 9, 9, 9, 10, 11, 12, 12, 9, 6,
    };

    private final YearCalendar calendar;

    public DayRhythm(YearCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code count} instants of day {@code day}, drawn along the hourly rhythm, in ascending order. */
    public long[] slotTimes(int day, int count, SplittableRandom random) {
        long[] hourStartMs = new long[HOURS + 1];
        for (int hour = 0; hour < HOURS; hour++) {
            hourStartMs[hour] = calendar.epochMs(calendar.date(day), LocalTime.of(hour, 0));
        }
        hourStartMs[HOURS] = calendar.dayStartMs(day + 1);
        // A spring-forward day has no 02:00 hour: its length is 0 and it gets no weight.
        int[] cumulative = new int[HOURS];
        int total = 0;
        for (int hour = 0; hour < HOURS; hour++) {
            if (hourStartMs[hour + 1] > hourStartMs[hour]) {
                total += HOUR_WEIGHTS[hour];
            }
            cumulative[hour] = total;
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            int drawn = random.nextInt(total);
            int hour = 0;
            while (cumulative[hour] <= drawn) {
                hour++;
            }
            times[i] = hourStartMs[hour] + random.nextLong(hourStartMs[hour + 1] - hourStartMs[hour]);
        }
        Arrays.sort(times);
        return times;
    }
}
