package org.kleline.ledger.ingest.append;

import java.util.Objects;
import org.kleline.ledger.events.EventEnvelope;

/**
 * An event ready to append: its envelope and the aggregate key it is ordered by on
 * {@code ledger.events} ({@code wallet:w-1}, {@code payment:p-9}, {@code merchant:m-7}).
 */
public record KeyedEvent(String key, EventEnvelope envelope) {

    public KeyedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(envelope, "envelope");
    }

    public String eventId() {
        return envelope.getEventId();
    }
}
