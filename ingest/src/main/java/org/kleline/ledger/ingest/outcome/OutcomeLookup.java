package org.kleline.ledger.ingest.outcome;

import java.util.Optional;
import org.kleline.ledger.outcomes.EventOutcome;

/**
 * The first outcome decided for an eventId (a later DUPLICATE never replaces it), as the query side
 * keeps it. Ingest asks it before appending, so a retried write answers its original outcome
 * instead of appending again.
 */
@FunctionalInterface
public interface OutcomeLookup {

    Optional<EventOutcome> firstOutcome(String eventId);

    /**
     * The first outcome of {@code eventId} under the aggregate key {@code key}. A query side that
     * keeps outcomes by key answers it from one place instead of looking everywhere for the id.
     */
    default Optional<EventOutcome> firstOutcome(String eventId, String key) {
        return firstOutcome(eventId).filter(o -> o.getKey().equals(key));
    }

    /**
     * The merchant of a card payment, as the query side's view of it shows (empty when it does not show
     * it, or has no such payment): a merchant key captures and refunds only its own payments.
     */
    default Optional<String> merchantOfCardPayment(String paymentId) {
        return Optional.empty();
    }

    /** For an ingest that runs without a query side: nothing is known, every write is appended. */
    static OutcomeLookup none() {
        return eventId -> Optional.empty();
    }
}
