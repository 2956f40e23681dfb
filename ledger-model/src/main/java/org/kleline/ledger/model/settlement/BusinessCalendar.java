package org.kleline.ledger.model.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The business date of an event: the date of its {@code occurredAt} in the settlement time
 * zone ({@code Europe/Paris} unless configured). Every node and the audit must use the same
 * zone, or their settlement rows differ.
 *
 * <p>Thread-safe. Remembers the last day it resolved, since consecutive events nearly always
 * fall on the same day and a time-zone lookup is the costliest step of deciding an event.
 */
public final class BusinessCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    private static final BusinessCalendar DEFAULT = new BusinessCalendar(DEFAULT_ZONE);

    private final ZoneId zone;
    /** Immutable, so reading a stale or fresh one from any thread is safe without locking. */
    private Day lastDay;

    public BusinessCalendar(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The calendar of {@code Europe/Paris}. */
    public static BusinessCalendar defaultCalendar() {
        return DEFAULT;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The date of {@code occurredAt} in this calendar's zone. */
    public LocalDate businessDate(Instant occurredAt) {
        long epochMilli = occurredAt.toEpochMilli();
        Day day = lastDay;
        if (day != null && epochMilli >= day.startMilli && epochMilli < day.endMilli) {
            return day.date;
        }
        LocalDate date = LocalDate.ofInstant(occurredAt, zone);
        long start = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        lastDay = new Day(date, start, end);
        return date;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + "]";
    }

    private static final class Day {
        final LocalDate date;
        final long startMilli;
        final long endMilli;

        Day(LocalDate date, long startMilli, long endMilli) {
            this.date = date;
            this.startMilli = startMilli;
            this.endMilli = endMilli;
        }
    }
}
