package org.kleline.ledger.simulator.ndjson;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** The bytes of the line being written, reused from line to line (no locking, unlike ByteArrayOutputStream). */
final class LineBuffer extends OutputStream {

    private byte[] bytes = new byte[512];
    private int size;

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
