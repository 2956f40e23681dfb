package org.kleline.ledger.projector.serde;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Field encodings shared by the compact serdes: {@code long}/{@code int}: zig-zag varint; string:
 * varint UTF-8 length, bytes; optional string: 0, or 1 and the string; enum: varint ordinal; date:
 * varint epoch day; instant: varint epoch millis; list: varint count, items.
 */
public final class CompactFields {

    private CompactFields() {}

    /** A list's length, bounded by the bytes left so that a corrupt count cannot allocate much. */
    public static int count(BinaryReader in, String field) {
        int count = in.readInt(field);
        if (count < 0 || count > BinaryWriter.STRING_BYTES_MAX) {
            throw new IllegalArgumentException(field + ": count " + count);
        }
        return count;
    }

    public static long epochDay(String field, LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return date.toEpochDay();
    }

    public static long epochMillis(String field, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return at.toEpochMilli();
    }

    public static int ordinal(String field, Enum<?> value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value.ordinal();
    }
}
