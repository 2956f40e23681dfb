package org.kleline.ledger.cli.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream as bytes, each returned with its {@code \n} (added to a last line
 * without one). A line longer than one bulk request may be is refused here, naming it, rather than
 * read into memory whole.
 */
final class NdjsonLines {

    private final InputStream in;
    private final int lineBytesMax;
    private byte[] buffer = new byte[4096];
    private long bytesRead;
    private long lineNumber;

    NdjsonLines(InputStream in, int lineBytesMax) {
        this.in = in;
        this.lineBytesMax = lineBytesMax;
    }

    /** The next line ending with {@code \n}, or null at the end of the stream. */
    byte[] next() throws IOException {
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        lineNumber++;
        while (b >= 0 && b != '\n') {
            if (length + 1 >= lineBytesMax) {
                throw new IllegalArgumentException("line " + lineNumber + " is longer than " + lineBytesMax
                        + " bytes, more than one bulk request may carry");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(lineBytesMax, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
            bytesRead++;
            b = in.read();
        }
        if (b == '\n') {
            bytesRead++;
        }
        byte[] line = Arrays.copyOf(buffer, length + 1);
        line[length] = '\n';
        return line;
    }

    /** Bytes consumed so far, for a progress bar over the file's size. */
    long bytesRead() {
        return bytesRead;
    }

    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
