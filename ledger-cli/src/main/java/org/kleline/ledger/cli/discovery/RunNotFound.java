package org.kleline.ledger.cli.discovery;

/**
 * A data directory names no running {@code ledger run} to follow (no {@value RunAddresses#FILE_NAME}, or a
 * stale or unreadable one): the command cannot run. Its message is the line shown to the user.
 */
public final class RunNotFound extends RuntimeException {

    public RunNotFound(String message) {
        super(message);
    }
}
