package org.kleline.ledger.projector.merchants;

import java.util.OptionalLong;

/**
 * Reads an event's occurredAt from its serialized value without deserializing the rest: the
 * Confluent wire format (magic byte 0, 4-byte schema id) then the Avro binary EventEnvelope,
 * whose first two fields are eventId (string) and occurredAt (long). The merchant directory reads
 * every event for its partition watermarks but deserializes only merchant events.
 */
final class EnvelopeTime {

    private static final int HEADER_BYTES = 5;
    private static final int MAX_VARINT_BYTES = 10;

    private EnvelopeTime() {
    }

    static OptionalLong occurredAt(byte[] value) {
        if (value == null || value.length < HEADER_BYTES + 2 || value[0] != 0) {
            return OptionalLong.empty();
        }
        Cursor cursor = new Cursor(value, HEADER_BYTES);
        long idLength = cursor.readZigZagLong();
        if (idLength < 0 || cursor.failed || cursor.position + idLength > value.length) {
            return OptionalLong.empty();
        }
        cursor.position += (int) idLength;
        long occurredAt = cursor.readZigZagLong();
        return cursor.failed ? OptionalLong.empty() : OptionalLong.of(occurredAt);
    }

    private static final class Cursor {
        final byte[] bytes;
        int position;
        boolean failed;

        Cursor(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        long readZigZagLong() {
            long raw = 0;
            int shift = 0;
            for (int i = 0; i < MAX_VARINT_BYTES; i++) {
                if (position >= bytes.length) {
                    failed = true;
                    return 0;
                }
                int b = bytes[position++] & 0xff;
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
                shift += 7;
            }
            failed = true;
            return 0;
        }
    }
}
