package org.kleline.ledger.model.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * The one outcome of one event and everything that follows from it: ACCEPTED with its
 * journal postings (possibly none), the aggregate's next state and the settlement row it
 * touches; REJECTED with a reason; or DUPLICATE. A REJECTED or DUPLICATE decision changes
 * nothing: {@code nextState} is the state given, with no postings and no settlement effect.
 *
 * @param event            the event decided
 * @param key              its aggregate
 * @param businessDate     its occurredAt's date in the settlement time zone
 * @param outcome          ACCEPTED, REJECTED or DUPLICATE
 * @param reason           why it was rejected; {@code null} unless REJECTED
 * @param postings         the journal entry's postings, zero ones left out, balanced per currency
 * @param nextState        the aggregate's state after the event; {@code null} while it does not exist
 * @param settlementEffect what the event adds to a settlement row, or {@code null}
 * @param <S>              the aggregate's state type
 */
public record Decision<S>(
        EventEnvelope event,
        AggregateKey key,
        LocalDate businessDate,
        Outcome outcome,
        RejectionReason reason,
        List<JournalLine> postings,
        S nextState,
        SettlementEffect settlementEffect) {

    public Decision {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(postings, "postings");
        if ((outcome == Outcome.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException(
                    "a reason goes with REJECTED and only with it: " + outcome + ", " + reason);
        }
        if (outcome != Outcome.ACCEPTED && (!postings.isEmpty() || settlementEffect != null)) {
            throw new IllegalArgumentException(outcome + " must have no postings and no settlement effect");
        }
    }

    public static <S> Decision<S> accepted(
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            List<JournalLine> postings,
            S nextState,
            SettlementEffect settlementEffect) {
        return new Decision<>(event, key, businessDate, Outcome.ACCEPTED, null, postings, nextState, settlementEffect);
    }

    /** An accepted event that posts nothing and touches no settlement row (onboarding, authorization...). */
    public static <S> Decision<S> accepted(EventEnvelope event, AggregateKey key, LocalDate businessDate, S nextState) {
        return accepted(event, key, businessDate, List.of(), nextState, null);
    }

    public static <S> Decision<S> rejected(
            EventEnvelope event, AggregateKey key, LocalDate businessDate, RejectionReason reason, S state) {
        return new Decision<>(
                event,
                key,
                businessDate,
                Outcome.REJECTED,
                Objects.requireNonNull(reason, "reason"),
                List.of(),
                state,
                null);
    }

    public static <S> Decision<S> duplicate(EventEnvelope event, AggregateKey key, LocalDate businessDate, S state) {
        return new Decision<>(event, key, businessDate, Outcome.DUPLICATE, null, List.of(), state, null);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** True unless DUPLICATE: the caller then records the eventId as seen under {@link #key()}. */
    public boolean recordsEventId() {
        return outcome != Outcome.DUPLICATE;
    }

    public String eventId() {
        return event.getEventId();
    }

    public Instant occurredAt() {
        return event.getOccurredAt();
    }

    public EventType eventType() {
        return EventTypes.of(event);
    }
}
