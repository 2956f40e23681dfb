package org.kleline.ledger.simulator.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * When back offices worked: 09:00 to 18:00 local, Monday to Saturday. Batch captures, refunds and
 * the banks' chargeback notices happen then, not at the customer's hour.
 */
public final class OfficeHours {

    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final long OPEN_MS = 9 * 3_600_000L;

    private final YearCalendar calendar;

    public OfficeHours(YearCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * A random instant of office hours {@code daysLater} days after the day of {@code fromMs} (a
     * Sunday moves to Monday); {@link Long#MAX_VALUE} when that day is past the year.
     */
    public long after(long fromMs, int daysLater, SplittableRandom random) {
        int day = calendar.dayOf(fromMs) + daysLater;
        if (day < calendar.days() && calendar.date(day).getDayOfWeek() == DayOfWeek.SUNDAY) {
            day++;
        }
        if (day >= calendar.days()) {
            return Long.MAX_VALUE;
        }
        LocalDate date = calendar.date(day);
        return calendar.epochMs(date, OPENS) + random.nextLong(OPEN_MS);
    }
}
