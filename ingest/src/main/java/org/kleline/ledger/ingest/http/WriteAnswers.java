package org.kleline.ledger.ingest.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.web.outcome.OutcomeBody;

/** The answers of a write once it is appended (or known to be a retry): 202 pending, or 200 with the outcome. */
final class WriteAnswers {

    static final String REPLAYED = "Idempotent-Replayed";

    /** The 202 body. */
    record Pending(String eventId, String status) {
        Pending(String eventId) {
            this(eventId, "PENDING");
        }
    }

    private final OutcomeLookup lookup;

    WriteAnswers(OutcomeLookup lookup) {
        this.lookup = lookup;
    }

    /** The first outcome of this event's id under its own key: a retry of it appends nothing. */
    Optional<EventOutcome> earlier(KeyedEvent event) {
        return lookup.firstOutcome(event.eventId(), event.key());
    }

    void pending(Context ctx, String eventId) {
        ctx.status(202).header("Location", "/v1/events/" + eventId).json(new Pending(eventId));
    }

    void replayed(Context ctx, EventOutcome first) {
        ctx.header(REPLAYED, "true");
        decided(ctx, first);
    }

    /**
     * The outcome read after the append. A DUPLICATE means this was a retry whose original was decided
     * first: answer the original, or 202 when the query side does not have it yet.
     */
    void outcome(Context ctx, KeyedEvent event, EventOutcome outcome) {
        if (outcome == null) {
            pending(ctx, event.eventId());
        } else if (outcome.getOutcome() == Outcome.DUPLICATE) {
            Optional<EventOutcome> first = earlier(event);
            if (first.isPresent()) {
                replayed(ctx, first.get());
            } else {
                ctx.header(REPLAYED, "true");
                pending(ctx, event.eventId());
            }
        } else {
            decided(ctx, outcome);
        }
    }

    private void decided(Context ctx, EventOutcome outcome) {
        ctx.status(200).header("Location", "/v1/events/" + outcome.getEventId()).json(OutcomeBody.of(outcome));
    }
}
