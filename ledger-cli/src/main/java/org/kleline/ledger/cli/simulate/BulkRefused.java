package org.kleline.ledger.cli.simulate;

/**
 * {@code POST /v1/events} refused a request that held no line broken on purpose: the request's line
 * {@code line} (1-based) is at fault, and none of the request's lines was appended.
 */
final class BulkRefused extends RuntimeException {

    private final int line;

    BulkRefused(int line, String reason) {
        super("POST /v1/events refused line " + line + " of a request: " + reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
