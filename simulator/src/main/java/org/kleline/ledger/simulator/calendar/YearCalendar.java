package org.kleline.ledger.simulator.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * The days of one year in the settlement zone, as epoch-millisecond bounds: the generator works on
 * longs because it places a million events, and the zone's daylight-saving days (23 and 25 hours)
 * are already inside the bounds.
 */
public final class YearCalendar {

    /** K-Wallet opened for micropayments in October 1999; every simulated year keeps that date. */
    public static final int WALLET_LAUNCH_MONTH = 10;

    private final int year;
    private final ZoneId zone;
    private final long[] dayStartMs;

    public YearCalendar(int year, ZoneId zone) {
        this.year = year;
        this.zone = Objects.requireNonNull(zone, "zone");
        int days = Year.of(year).length();
        this.dayStartMs = new long[days + 1];
        for (int day = 0; day <= days; day++) {
            dayStartMs[day] = LocalDate.ofYearDay(year, 1)
                    .plusDays(day)
                    .atStartOfDay(zone)
                    .toInstant()
                    .toEpochMilli();
        }
    }

    public int year() {
        return year;
    }

    public ZoneId zone() {
        return zone;
    }

    public int days() {
        return dayStartMs.length - 1;
    }

    /** The first millisecond of the year. */
    public long startMs() {
        return dayStartMs[0];
    }

    /** The first millisecond after the year: every simulated event is before it. */
    public long endMs() {
        return dayStartMs[dayStartMs.length - 1];
    }

    /** The first millisecond of day {@code day} (0 = 1 January). */
    public long dayStartMs(int day) {
        return dayStartMs[day];
    }

    public LocalDate date(int day) {
        return LocalDate.ofYearDay(year, day + 1);
    }

    /** The day (0 = 1 January) that holds {@code epochMs}, which must be within the year. */
    public int dayOf(long epochMs) {
        if (epochMs < startMs() || epochMs >= endMs()) {
            throw new IllegalArgumentException("epochMs " + epochMs + " is outside " + year);
        }
        int found = Arrays.binarySearch(dayStartMs, epochMs);
        return found >= 0 ? found : -found - 2;
    }

    /** The day K-Wallet opens: 1 October. */
    public int walletLaunchDay() {
        return LocalDate.of(year, WALLET_LAUNCH_MONTH, 1).getDayOfYear() - 1;
    }

    /** The epoch millisecond of a local time on {@code date} (a time in a DST gap moves forward). */
    public long epochMs(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant().toEpochMilli();
    }
}
