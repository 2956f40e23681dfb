package org.kleline.ledger.cli.api;

/** The ledger's HTTP API could not be reached, or answered what a command cannot go on from. */
public final class ApiFailure extends RuntimeException {

    public ApiFailure(String message) {
        super(message);
    }

    public ApiFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
