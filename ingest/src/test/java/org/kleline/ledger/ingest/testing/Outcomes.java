package org.kleline.ledger.ingest.testing;

import java.time.Instant;
import java.util.List;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;

/** Outcomes as the projector would write them. */
public final class Outcomes {

    private Outcomes() {}

    public static EventOutcome toppedUp(String eventId, String walletId, long amount, Instant at) {
        return EventOutcome.newBuilder()
                .setEventId(eventId)
                .setKey("wallet:" + walletId)
                .setEventType(EventType.WalletToppedUp)
                .setOccurredAt(at)
                .setOutcome(Outcome.ACCEPTED)
                .setReason(null)
                .setPostings(List.of(
                        new Posting("platform:card-clearing", "EUR", -amount),
                        new Posting("wallet:" + walletId, "EUR", amount)))
                .build();
    }

    public static EventOutcome rejected(
            String eventId, String key, EventType type, RejectionReason reason, Instant at) {
        return EventOutcome.newBuilder()
                .setEventId(eventId)
                .setKey(key)
                .setEventType(type)
                .setOccurredAt(at)
                .setOutcome(Outcome.REJECTED)
                .setReason(reason)
                .setPostings(List.of())
                .build();
    }

    public static EventOutcome duplicate(String eventId, String key, EventType type, Instant at) {
        return EventOutcome.newBuilder()
                .setEventId(eventId)
                .setKey(key)
                .setEventType(type)
                .setOccurredAt(at)
                .setOutcome(Outcome.DUPLICATE)
                .setReason(null)
                .setPostings(List.of())
                .build();
    }
}
