package org.kleline.ledger.embedded.kafka;

/** The embedded broker could not be formatted, started or stopped. */
public final class EmbeddedKafkaException extends RuntimeException {

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
