package org.kleline.ledger.query.views;

import java.util.List;
import java.util.Optional;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * Ingest's look-up of an eventId's first outcome, from the outcome view on whichever node owns it.
 * When the view cannot be read now it throws {@link org.kleline.ledger.web.problem.UnavailableException}
 * rather than answer "unknown": a write retried then is refused with 503, not appended again.
 */
public final class ViewsOutcomeLookup implements OutcomeLookup {

    private final LedgerViews views;

    public ViewsOutcomeLookup(LedgerViews views) {
        this.views = views;
    }

    @Override
    public Optional<EventOutcome> firstOutcome(String eventId) {
        return views.outcome(eventId).map(ViewsOutcomeLookup::toAvro);
    }

    @Override
    public Optional<EventOutcome> firstOutcome(String eventId, String key) {
        return views.outcome(eventId, key).map(ViewsOutcomeLookup::toAvro);
    }

    @Override
    public Optional<String> merchantOfCardPayment(String paymentId) {
        return views.cardPayment(paymentId).map(payment -> payment.merchantId());
    }

    /** The outcome record back from its HTTP body, which carries every field of it. */
    static EventOutcome toAvro(OutcomeBody body) {
        List<Posting> postings = body.postings() == null
                ? List.of()
                : body.postings().stream()
                        .map(p -> new Posting(p.account(), p.currency(), p.amount()))
                        .toList();
        return EventOutcome.newBuilder()
                .setEventId(body.eventId())
                .setKey(body.key())
                .setEventType(EventType.valueOf(body.type()))
                .setOccurredAt(body.occurredAt())
                .setOutcome(Outcome.valueOf(body.outcome()))
                .setReason(body.reason() == null ? null : RejectionReason.valueOf(body.reason()))
                .setPostings(postings)
                .setAppendedBy(body.appendedBy())
                .setPayloadSha256(body.payloadSha256())
                .build();
    }
}
