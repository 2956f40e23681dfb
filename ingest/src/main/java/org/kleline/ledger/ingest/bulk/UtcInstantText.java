package org.kleline.ledger.ingest.bulk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The fast path of an import line's {@code occurredAt}: the one shape exports and the simulator write,
 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read by hand. The JDK's {@code ISO_INSTANT} builds a new
 * formatter on every parse, which took about a third of the bulk path's parsing time. Anything else,
 * valid or not (an offset, a leap second, an impossible date), is left to the general parser, so what
 * is accepted and every refusal's message stay as they were.
 */
final class UtcInstantText {

    private static final int SECONDS_END = 19;

    private UtcInstantText() {}

    /** The instant, when {@code text} has the canonical UTC shape and is a real date and time; else empty. */
    static Optional<Instant> parse(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z' || !shapeHolds(text)) {
            return Optional.empty();
        }
        int nanos = 0;
        if (length > SECONDS_END + 1) {
            int digits = length - SECONDS_END - 2;
            if (text.charAt(SECONDS_END) != '.' || digits < 1 || digits > 9) {
                return Optional.empty();
            }
            int fraction = number(text, SECONDS_END + 1, length - 1);
            if (fraction < 0) {
                return Optional.empty();
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    number(text, 0, 4),
                    number(text, 5, 7),
                    number(text, 8, 10),
                    number(text, 11, 13),
                    number(text, 14, 16),
                    number(text, 17, 19),
                    nanos);
            return Optional.of(local.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static boolean shapeHolds(String text) {
        return text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && number(text, 0, 4) >= 0
                && number(text, 5, 7) >= 0
                && number(text, 8, 10) >= 0
                && number(text, 11, 13) >= 0
                && number(text, 14, 16) >= 0
                && number(text, 17, 19) >= 0;
    }

    /** The ASCII digits in [from, to) as a number, or -1 if any is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
