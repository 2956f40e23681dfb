package org.kleline.ledger.simulator.bulk;

import java.util.Objects;

/**
 * One {@code POST /v1/events} body. A request holding a deliberately bad line holds only that line,
 * because the bulk API refuses a whole body for one bad line (400 naming it, nothing appended):
 * every other request must be answered {@code {"accepted": lines}}.
 *
 * @param body            NDJSON, each line ending with {@code \n}; not copied, do not modify
 * @param lines           how many lines {@code body} holds
 * @param refusalExpected true for a single bad line the API must answer with 400 (line 1)
 */
public record BulkRequest(byte[] body, int lines, boolean refusalExpected) {

    public BulkRequest {
        Objects.requireNonNull(body, "body");
        if (lines < 1) {
            throw new IllegalArgumentException("a request holds at least one line, was " + lines);
        }
        if (refusalExpected && lines != 1) {
            throw new IllegalArgumentException("a bad line is sent alone, was with " + lines + " lines");
        }
    }

    public int bytes() {
        return body.length;
    }
}
