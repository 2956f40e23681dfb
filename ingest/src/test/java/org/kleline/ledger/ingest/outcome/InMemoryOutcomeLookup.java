package org.kleline.ledger.ingest.outcome;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/** An {@link OutcomeLookup} held in memory, fed outcomes in log order: for ingest's tests. */
public final class InMemoryOutcomeLookup implements OutcomeLookup {

    private final ConcurrentMap<String, EventOutcome> first = new ConcurrentHashMap<>();

    /** Records an outcome; only the first non-DUPLICATE one of an eventId is kept. */
    public void record(EventOutcome outcome) {
        if (outcome.getOutcome() != Outcome.DUPLICATE) {
            first.putIfAbsent(outcome.getEventId(), outcome);
        }
    }

    @Override
    public Optional<EventOutcome> firstOutcome(String eventId) {
        return Optional.ofNullable(first.get(eventId));
    }
}
