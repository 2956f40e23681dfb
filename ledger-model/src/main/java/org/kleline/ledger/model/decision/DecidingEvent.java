package org.kleline.ledger.model.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * An event a decider is deciding, with its aggregate and business date: it makes the event's
 * {@link Decision}, so a rule names only the outcome.
 *
 * @param event        the event
 * @param key          its aggregate
 * @param businessDate its occurredAt's date in the settlement time zone
 */
public record DecidingEvent(EventEnvelope event, AggregateKey key, LocalDate businessDate) {

    public Instant occurredAt() {
        return event.getOccurredAt();
    }

    public <S> Decision<S> accepted(List<JournalLine> postings, S nextState, SettlementEffect settlementEffect) {
        return Decision.accepted(event, key, businessDate, postings, nextState, settlementEffect);
    }

    /** Accepted, posting nothing and touching no settlement row (onboarding, authorization...). */
    public <S> Decision<S> accepted(S nextState) {
        return Decision.accepted(event, key, businessDate, nextState);
    }

    public <S> Decision<S> rejected(RejectionReason reason, S state) {
        return Decision.rejected(event, key, businessDate, reason, state);
    }

    public <S> Decision<S> duplicate(S state) {
        return Decision.duplicate(event, key, businessDate, state);
    }
}
