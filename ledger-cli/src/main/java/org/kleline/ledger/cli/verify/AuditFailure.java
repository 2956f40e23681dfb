package org.kleline.ledger.cli.verify;

/** The audit could not be carried out (a topic missing, Kafka out of reach): not a difference in the figures. */
final class AuditFailure extends RuntimeException {

    AuditFailure(String message) {
        super(message);
    }

    AuditFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
