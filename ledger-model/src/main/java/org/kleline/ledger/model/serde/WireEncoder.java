package org.kleline.ledger.model.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes header and datum into a per-thread buffer and copies out the exact bytes. Serializers are
 * shared by producer and stream threads, so the buffer and Avro encoder are per thread; reusing
 * them halves the garbage of a record and is what makes the hot path cheap.
 */
final class WireEncoder {

    /** A thread that once wrote a huge record does not keep its buffer. */
    static final int RETAINED_BUFFER_BYTES_MAX = 1024 * 1024;

    private static final int INITIAL_BUFFER_BYTES = 512;
    private static final ThreadLocal<WireEncoder> PER_THREAD = ThreadLocal.withInitial(WireEncoder::new);

    private final GrowableOutput out = new GrowableOutput();
    private BinaryEncoder encoder;

    private WireEncoder() {}

    static byte[] encode(int schemaId, DatumWriter<Object> writer, Object datum) throws IOException {
        return PER_THREAD.get().encodeOnThisThread(schemaId, writer, datum);
    }

    private byte[] encodeOnThisThread(int schemaId, DatumWriter<Object> writer, Object datum) throws IOException {
        out.reset();
        out.write(WireFormat.MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        // The direct encoder writes straight into our array; a buffered one would copy twice.
        encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
        writer.write(datum, encoder);
        encoder.flush();
        byte[] bytes = out.copy();
        out.forgetIfLargerThan(RETAINED_BUFFER_BYTES_MAX);
        return bytes;
    }

    /** An unsynchronized ByteArrayOutputStream with a bound. */
    private static final class GrowableOutput extends OutputStream {
        private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
        private int size;

        void reset() {
            size = 0;
        }

        byte[] copy() {
            return Arrays.copyOf(buffer, size);
        }

        void forgetIfLargerThan(int bytesMax) {
            if (buffer.length > bytesMax) {
                buffer = new byte[INITIAL_BUFFER_BYTES];
            }
        }

        @Override
        public void write(int b) throws IOException {
            ensureRoom(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ensureRoom(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        private void ensureRoom(int length) throws IOException {
            int needed = size + length;
            if (needed <= buffer.length) {
                return;
            }
            if (needed > WireFormat.PAYLOAD_BYTES_MAX || needed < 0) {
                throw new IOException("record is larger than " + WireFormat.PAYLOAD_BYTES_MAX + " bytes");
            }
            buffer = Arrays.copyOf(buffer, Math.min(WireFormat.PAYLOAD_BYTES_MAX, Math.max(needed, buffer.length * 2)));
        }
    }
}
