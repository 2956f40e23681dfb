package org.kleline.ledger.projector.serde;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link BinaryWriter} wrote. Every read is bounds-checked: a truncated or corrupt value
 * fails with an {@link IllegalArgumentException} naming the field, never with a wrong figure.
 */
public final class BinaryReader {

    private final byte[] bytes;
    private int position;

    public BinaryReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    public int readByte(String field) {
        if (position >= bytes.length) {
            throw truncated(field);
        }
        return bytes[position++] & 0xFF;
    }

    public long readLong(String field) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= bytes.length) {
                throw truncated(field);
            }
            byte b = bytes[position++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new IllegalArgumentException(field + ": varint longer than 10 bytes at byte " + position);
    }

    public int readInt(String field) {
        long v = readLong(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + v + " does not fit an int");
        }
        return (int) v;
    }

    public String readString(String field) {
        long length = readLong(field);
        if (length < 0 || length > BinaryWriter.STRING_BYTES_MAX || length > bytes.length - position) {
            throw new IllegalArgumentException(
                    field + ": string length " + length + " with " + (bytes.length - position) + " bytes left");
        }
        String s = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
        position += (int) length;
        return s;
    }

    public String readOptionalString(String field) {
        int present = readByte(field);
        return switch (present) {
            case 0 -> null;
            case 1 -> readString(field);
            default -> throw new IllegalArgumentException(field + ": presence byte " + present + ", expected 0 or 1");
        };
    }

    /** An enum constant written as its ordinal. */
    public <E extends Enum<E>> E readEnum(String field, E[] values) {
        int ordinal = readInt(field);
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException(field + ": ordinal " + ordinal + " out of 0.." + (values.length - 1));
        }
        return values[ordinal];
    }

    /** True once every byte is read: a value written before optional trailing fields existed ends here. */
    public boolean atEnd() {
        return position >= bytes.length;
    }

    public void expectEnd() {
        if (position != bytes.length) {
            throw new IllegalArgumentException((bytes.length - position) + " trailing bytes after the value");
        }
    }

    private IllegalArgumentException truncated(String field) {
        return new IllegalArgumentException(field + ": value truncated at byte " + position + " of " + bytes.length);
    }
}
