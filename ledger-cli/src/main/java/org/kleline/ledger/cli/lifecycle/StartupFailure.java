package org.kleline.ledger.cli.lifecycle;

/**
 * A failure a user can act on (a port taken, a directory not writable, a broker not reachable): its
 * message is the one line printed on stderr, without a stack trace.
 */
public final class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
