package org.kleline.ledger.embedded.kafka;

/**
 * Thrown where the broker asked to exit or halt the JVM. The host process keeps running; the
 * broker that asked is shut down and reports this as its fatal error.
 */
public final class EmbeddedKafkaHaltedException extends RuntimeException {

    private final String procedure;
    private final int statusCode;

    public EmbeddedKafkaHaltedException(String procedure, int statusCode, String message) {
        super("Kafka called " + procedure + "(" + statusCode + ")" + (message == null ? "" : ": " + message)
                + "; the embedded broker does not stop the host JVM and is shutting down instead");
        this.procedure = procedure;
        this.statusCode = statusCode;
    }

    /** {@code "exit"} or {@code "halt"}. */
    public String procedure() {
        return procedure;
    }

    public int statusCode() {
        return statusCode;
    }
}
