package org.kleline.ledger.ingest.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.model.event.PayloadDigest;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.outcome.OutcomeBody;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.ProblemType;

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

    Optional<String> merchantOfCardPayment(String paymentId) {
        return lookup.merchantOfCardPayment(paymentId);
    }

    /**
     * A retry of {@code event}: answered the first outcome only when it is the same request (the same
     * payload) and the caller may read that outcome; otherwise the key was used for another request
     * (or by another principal), 422, and nothing is appended.
     */
    void replayed(Context ctx, KeyedEvent event, EventOutcome first) {
        String digest = first.getPayloadSha256();
        boolean samePayload = digest == null || digest.equals(PayloadDigest.of(event.envelope()));
        if (!samePayload || !AccessControl.mayReadOutcome(ctx, first.getKey(), first.getAppendedBy())) {
            throw new ProblemException(Problem.of(
                            ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key '"
                                    + event.eventId() + "' was already used for another request on " + event.key()
                                    + ": send a new key for a new request")
                    .withField(SingleWrites.IDEMPOTENCY_KEY));
        }
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
                replayed(ctx, event, first.get());
            } else {
                ctx.header(REPLAYED, "true");
                pending(ctx, event.eventId());
            }
        } else {
            decided(ctx, outcome);
        }
    }

    private void decided(Context ctx, EventOutcome outcome) {
        ctx.status(200)
                .header("Location", "/v1/events/" + outcome.getEventId())
                .json(OutcomeBody.of(outcome).shownTo(AccessControl.principal(ctx)));
    }
}
