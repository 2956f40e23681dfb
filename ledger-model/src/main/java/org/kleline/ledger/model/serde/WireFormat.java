package org.kleline.ledger.model.serde;

/**
 * The Confluent wire format of a Kafka key or value: one magic byte {@value #MAGIC_BYTE}, the
 * schema's registry id as a 4-byte big-endian int, then the datum in plain Avro binary encoding.
 */
final class WireFormat {

    /** The first byte of every payload; anything else is not this format (or a future version of it). */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_BYTES = 5;
    /** Larger records are refused on both sides: far above any Kafka message of this project. */
    public static final int PAYLOAD_BYTES_MAX = 16 * 1024 * 1024;

    private WireFormat() {}

    /** The schema id of a payload known to have a header; bytes 1 to 4, big-endian. */
    static int schemaId(byte[] bytes, int offset) {
        return ((bytes[offset + 1] & 0xff) << 24)
                | ((bytes[offset + 2] & 0xff) << 16)
                | ((bytes[offset + 3] & 0xff) << 8)
                | (bytes[offset + 4] & 0xff);
    }
}
