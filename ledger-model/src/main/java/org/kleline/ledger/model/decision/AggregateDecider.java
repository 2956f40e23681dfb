package org.kleline.ledger.model.decision;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.settlement.BusinessCalendar;

/**
 * What every decider checks before the rules of its aggregate: the event is valid, belongs to this
 * kind of aggregate and to the state given, and is not a DUPLICATE. The rules themselves, in the
 * order of the table of docs/domain.md, are the subclass's {@link #decideNew}. Pure and thread-safe.
 *
 * @param <S> the aggregate's state type
 */
public abstract class AggregateDecider<S> {

    private final BusinessCalendar calendar;
    private final AggregateType type;
    private final String eventsName;
    private final Function<S, String> idOf;

    /**
     * @param type       the aggregate this decider decides the events of
     * @param eventsName how a message names its events, e.g. {@code card payment} in "not a card payment event"
     * @param idOf the id of the aggregate a state is the state of, as events carry it
     */
    protected AggregateDecider(
            BusinessCalendar calendar, AggregateType type, String eventsName, Function<S, String> idOf) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.type = Objects.requireNonNull(type, "type");
        this.eventsName = Objects.requireNonNull(eventsName, "eventsName");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
    }

    /**
     * Decides one event of this aggregate.
     *
     * @param state   the aggregate's state before the event, {@code null} when it does not exist
     * @param event   an event of this aggregate, valid per {@link EventValidator#requireValidLogEvent}
     * @param context seen eventIds and what the aggregate's rules look up (merchant terms, used payoutIds)
     * @throws org.kleline.ledger.model.validation.InvalidFieldException when the event is invalid
     * @throws IllegalArgumentException when it is not an event of this aggregate, or {@code state} is another one's
     * @throws IllegalStateException    when the context does not know what a rule needs (its store lags the log)
     */
    public final Decision<S> decide(S state, EventEnvelope event, DecisionContext context) {
        EventValidator.requireValidLogEvent(event);
        AggregateKey key = AggregateKey.of(event);
        if (key.type() != type) {
            throw new IllegalArgumentException("not a " + eventsName + " event: " + EventTypes.of(event));
        }
        if (state != null && !idOf.apply(state).equals(key.id())) {
            throw new IllegalArgumentException(
                    "state of " + type.prefix() + " " + idOf.apply(state) + " given for " + key);
        }
        LocalDate businessDate = calendar.businessDate(event.getOccurredAt());
        DecidingEvent deciding = new DecidingEvent(event, key, businessDate);
        if (context.seen(key, event.getEventId())) {
            return deciding.duplicate(state);
        }
        return decideNew(state, event.getPayload(), deciding, context);
    }

    /** The rules of the aggregate, for an event it has not seen; {@code payload} is the event's. */
    protected abstract Decision<S> decideNew(S state, Object payload, DecidingEvent deciding, DecisionContext context);
}
