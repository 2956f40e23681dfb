package org.kleline.ledger.model.decision;

import java.util.List;
import org.kleline.ledger.model.event.PayloadDigest;
import org.kleline.ledger.outcomes.EventOutcome;

/**
 * The outcome record of a decision, as the {@code ledger.outcomes} topic carries it (keyed by
 * eventId): key {@code wallet:{id}}, {@code payment:{id}} or {@code merchant:{id}}, postings
 * when ACCEPTED and empty otherwise, the event's {@code appendedBy} and its {@link PayloadDigest}.
 */
public final class EventOutcomes {

    private EventOutcomes() {}

    public static EventOutcome of(Decision<?> decision) {
        return new EventOutcome(
                decision.eventId(),
                decision.key().value(),
                decision.eventType(),
                decision.occurredAt(),
                decision.outcome(),
                decision.reason(),
                decision.isAccepted() ? JournalEntries.toAvro(decision.postings()) : List.of(),
                decision.event().getAppendedBy(),
                PayloadDigest.of(decision.event()));
    }
}
