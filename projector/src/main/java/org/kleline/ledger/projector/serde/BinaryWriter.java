package org.kleline.ledger.projector.serde;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the compact internal format: zig-zag varints for whole numbers (so small amounts and
 * counts take one or two bytes, and Long.MIN_VALUE..Long.MAX_VALUE all fit), strings as a varint
 * byte length and UTF-8. One writer per value; not thread-safe.
 */
public final class BinaryWriter {

    /** A string longer than this is refused: no id, name or currency of the ledger comes near it. */
    public static final int STRING_BYTES_MAX = 1 << 20;

    private byte[] buffer;
    private int size;

    public BinaryWriter(int initialBytes) {
        buffer = new byte[initialBytes];
    }

    public void writeByte(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    public void writeLong(long value) {
        ensure(10);
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
    }

    public void writeInt(int value) {
        writeLong(value);
    }

    public void writeString(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > STRING_BYTES_MAX) {
            throw new IllegalArgumentException(field + " is " + utf8.length + " bytes, more than " + STRING_BYTES_MAX);
        }
        writeLong(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, size, utf8.length);
        size += utf8.length;
    }

    /** 0 for null, else 1 and the string. */
    public void writeOptionalString(String field, String value) {
        if (value == null) {
            writeByte(0);
        } else {
            writeByte(1);
            writeString(field, value);
        }
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
