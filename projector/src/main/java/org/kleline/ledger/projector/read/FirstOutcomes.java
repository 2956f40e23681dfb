package org.kleline.ledger.projector.read;

import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.outcomes.EventOutcome;

/**
 * The outcomes store, written by the decide task that owns the event's aggregate key, so it is
 * partitioned like ledger.events. It is both the duplicate check and the outcome view:
 * <ul>
 *   <li>key {@code eventId}: the first outcome decided for that eventId in this partition;</li>
 *   <li>key {@code eventId|aggregateKey}: the first outcome of the same eventId under another key of
 *       this partition (clients should not reuse ids across keys; docs/domain.md leaves what is shown then
 *       unspecified, but the duplicate check must still hold per key).</li>
 * </ul>
 * A DUPLICATE is never written, so the first outcome stays the one reported. Finding an eventId
 * without its key means asking every partition ({@code get(eventId)} on each); with its key, only
 * the partition of the key.
 */
public final class FirstOutcomes {

    public static final char SEPARATOR = '|';

    private FirstOutcomes() {}

    /** The key of an eventId's outcome under a second aggregate key of the same partition. */
    public static String otherKey(String eventId, String aggregateKey) {
        return eventId + SEPARATOR + aggregateKey;
    }

    /** The first outcome of {@code eventId} under {@code aggregateKey}, from the partition that owns that key. */
    public static EventOutcome underKey(Function<String, EventOutcome> get, String eventId, String aggregateKey) {
        EventOutcome first = get.apply(eventId);
        if (first == null || first.getKey().equals(aggregateKey)) {
            return first;
        }
        return get.apply(otherKey(eventId, aggregateKey));
    }

    /**
     * Records a decided (not DUPLICATE) outcome: under its eventId, or beside a first one of another key.
     *
     * @param firstUnderEventId what the store holds under the eventId alone (null: nothing), as read for the
     *     duplicate check of this very event
     */
    public static void record(
            KeyValueStore<String, EventOutcome> store, EventOutcome outcome, EventOutcome firstUnderEventId) {
        String eventId = outcome.getEventId();
        store.put(firstUnderEventId == null ? eventId : otherKey(eventId, outcome.getKey()), outcome);
    }
}
