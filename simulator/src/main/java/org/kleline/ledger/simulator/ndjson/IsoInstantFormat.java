package org.kleline.ledger.simulator.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Epoch milliseconds as an ISO-8601 instant that always shows milliseconds
 * ({@code 1999-10-04T08:15:30.000Z}; {@link Instant#toString()} drops a zero fraction). Written
 * by hand into a reused buffer, with the date cached, because it runs once per line of a
 * million-line file; years outside 0000..9999 take the slow path. Not thread-safe.
 */
final class IsoInstantFormat {

    private static final int LENGTH = 24;
    private static final long DAY_MS = 86_400_000L;
    private static final int FAST_YEAR_MAX = 9999;
    private static final DateTimeFormatter SLOW =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final char[] chars = new char[LENGTH];
    private long cachedDay = Long.MIN_VALUE;

    /** Writes {@code epochMs} as a JSON string. */
    void write(JsonGenerator generator, long epochMs) throws IOException {
        if (fill(epochMs)) {
            generator.writeString(chars, 0, LENGTH);
        } else {
            generator.writeString(SLOW.format(Instant.ofEpochMilli(epochMs)));
        }
    }

    String format(long epochMs) {
        return fill(epochMs) ? new String(chars) : SLOW.format(Instant.ofEpochMilli(epochMs));
    }

    /** Fills {@link #chars} with {@code epochMs}; false when its year needs the slow path. */
    private boolean fill(long epochMs) {
        long day = Math.floorDiv(epochMs, DAY_MS);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 0 || date.getYear() > FAST_YEAR_MAX) {
                return false;
            }
            digits(date.getYear(), 0, 4);
            chars[4] = '-';
            digits(date.getMonthValue(), 5, 2);
            chars[7] = '-';
            digits(date.getDayOfMonth(), 8, 2);
            chars[10] = 'T';
            chars[13] = ':';
            chars[16] = ':';
            chars[19] = '.';
            chars[23] = 'Z';
            cachedDay = day;
        }
        int msOfDay = (int) Math.floorMod(epochMs, DAY_MS);
        digits(msOfDay / 3_600_000, 11, 2);
        digits(msOfDay / 60_000 % 60, 14, 2);
        digits(msOfDay / 1_000 % 60, 17, 2);
        digits(msOfDay % 1_000, 20, 3);
        return true;
    }

    private void digits(int value, int at, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            chars[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
