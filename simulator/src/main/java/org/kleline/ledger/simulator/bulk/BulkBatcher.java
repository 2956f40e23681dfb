package org.kleline.ledger.simulator.bulk;

import java.io.Flushable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a stream of NDJSON lines into bulk requests within {@link BulkLimits}, in order. A line
 * the API must refuse goes in a request of its own, so that one bad line does not take a body
 * of good ones down with it. Call {@link #flush()} after the last line. Not thread-safe.
 */
public final class BulkBatcher implements Flushable {

    private final BulkLimits limits;
    private final BulkSender sender;
    private final byte[] body;
    private int bodyBytes;
    private int bodyLines;
    private long requestsSent;
    private long linesSent;

    public BulkBatcher(BulkLimits limits, BulkSender sender) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.body = new byte[limits.bytesMax()];
    }

    /**
     * Adds one line; sends the current request first when the line would not fit in it.
     *
     * @param line            one NDJSON line ending with {@code \n}
     * @param refusalExpected whether the API must refuse it (it is then sent alone, at once)
     * @throws IllegalArgumentException when the line does not end with {@code \n} or is longer than
     *                                  a whole request may be
     */
    public void add(byte[] line, boolean refusalExpected) throws IOException {
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new IllegalArgumentException("a line must end with \\n, was " + line.length + " bytes without");
        }
        if (line.length > limits.bytesMax()) {
            throw new IllegalArgumentException(
                    "a line of " + line.length + " bytes exceeds bytesMax " + limits.bytesMax());
        }
        if (refusalExpected) {
            flush();
            send(new BulkRequest(line.clone(), 1, true));
            return;
        }
        if (bodyLines == limits.linesMax() || bodyBytes + line.length > limits.bytesMax()) {
            flush();
        }
        System.arraycopy(line, 0, body, bodyBytes, line.length);
        bodyBytes += line.length;
        bodyLines++;
    }

    /** Sends the lines added since the last request, if any. */
    @Override
    public void flush() throws IOException {
        if (bodyLines == 0) {
            return;
        }
        BulkRequest request = new BulkRequest(Arrays.copyOf(body, bodyBytes), bodyLines, false);
        bodyBytes = 0;
        bodyLines = 0;
        send(request);
    }

    public long requestsSent() {
        return requestsSent;
    }

    public long linesSent() {
        return linesSent;
    }

    private void send(BulkRequest request) throws IOException {
        sender.send(request);
        requestsSent++;
        linesSent += request.lines();
    }
}
