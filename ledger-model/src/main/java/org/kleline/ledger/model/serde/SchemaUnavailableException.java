package org.kleline.ledger.model.serde;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload could not be read because the registry did not give its writer's schema, for a reason
 * that is the registry's and not the payload's: it could not be reached or timed out, it answered
 * 5xx, 429 or 408 ({@link #isTransient()}), or it answered something else than the schema or "not
 * found" (401, 403, a malformed answer: a configuration to fix). The payload itself may be valid:
 * unlike the other {@link SerializationException}s of the deserializers, this one does not make
 * the record unreadable, and reading it again later may succeed. A schema id the registry answers
 * "not found" for is a plain SerializationException.
 */
public final class SchemaUnavailableException extends SerializationException {

    private final int schemaId;
    private final boolean transientFailure;

    public SchemaUnavailableException(String message, Throwable cause, int schemaId, boolean transientFailure) {
        super(message, cause);
        this.schemaId = schemaId;
        this.transientFailure = transientFailure;
    }

    /** The schema id the payload named. */
    public int schemaId() {
        return schemaId;
    }

    /**
     * True when the registry was unreachable, timed out, or answered 5xx, 429 or 408: retrying
     * later is expected to succeed without anyone acting. False when the registry answered in a
     * way that needs a person (credentials refused, a URL that is not a registry).
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * The exception in {@code failure}'s cause chain, {@code failure} included: Kafka Streams reports
     * a deserializer's exception as the cause of its own StreamsException.
     */
    public static Optional<SchemaUnavailableException> in(Throwable failure) {
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && visited.add(t); t = t.getCause()) {
            if (t instanceof SchemaUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
        }
        return Optional.empty();
    }
}
