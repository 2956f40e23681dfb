package org.kleline.ledger.embedded.interop;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The Confluent wire format read and written by hand, from its published description (magic
 * byte 0, the schema id as a 4-byte big-endian int, the Avro binary datum), so that the tests
 * check the serde against the format rather than against the serde's own header code.
 */
final class ConfluentWireBytes {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_BYTES = 5;

    private ConfluentWireBytes() {}

    static byte magicByte(byte[] payload) {
        requireHeader(payload);
        return payload[0];
    }

    static int schemaId(byte[] payload) {
        requireHeader(payload);
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    static byte[] avroDatum(byte[] payload) {
        requireHeader(payload);
        return Arrays.copyOfRange(payload, HEADER_BYTES, payload.length);
    }

    static byte[] withHeader(int schemaId, byte[] avroDatum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + avroDatum.length);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
        out.writeBytes(avroDatum);
        return out.toByteArray();
    }

    private static void requireHeader(byte[] payload) {
        if (payload == null || payload.length < HEADER_BYTES) {
            throw new IllegalArgumentException("a Confluent payload has a " + HEADER_BYTES + "-byte header, was "
                    + (payload == null ? "null" : payload.length + " bytes"));
        }
    }
}
