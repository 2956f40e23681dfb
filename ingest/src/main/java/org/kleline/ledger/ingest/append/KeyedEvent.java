package org.kleline.ledger.ingest.append;

import java.util.List;
import java.util.Objects;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.LogPosition;

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

    /** Whether this is a merchant's event (key {@code merchant:...}), which may count for the events after it. */
    public boolean isMerchantEvent() {
        return key.startsWith(AggregateType.MERCHANT.prefix() + ":");
    }

    /** Whether the cross-key rule needs this event stamped with {@code appendedAfter} before it is appended. */
    public boolean needsAppendedAfter() {
        return LogPosition.needsAppendedAfter(envelope);
    }

    /** This event recording the API key that appended it ({@code null}: none), a shallow copy. */
    public KeyedEvent appendedBy(String keyId) {
        return withStamps(envelope.getAppendedAfter(), keyId);
    }

    /** This event stamped with the offsets below which every record was appended before it (a shallow copy). */
    public KeyedEvent appendedAfter(List<Long> ends) {
        return withStamps(List.copyOf(ends), envelope.getAppendedBy());
    }

    /** A shallow copy whose envelope carries these two stamps ingest adds, the rest as it is. */
    private KeyedEvent withStamps(List<Long> appendedAfter, String appendedBy) {
        return new KeyedEvent(
                key,
                new EventEnvelope(
                        envelope.getEventId(),
                        envelope.getOccurredAt(),
                        envelope.getPayload(),
                        appendedAfter,
                        appendedBy));
    }
}
