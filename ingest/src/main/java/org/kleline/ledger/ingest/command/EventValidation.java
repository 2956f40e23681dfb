package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.web.problem.InvalidRequestException;

/**
 * The bridge from ledger-model's rules to HTTP: ingest keeps no rules of its own, it runs the
 * model's validator on the event it is about to append and answers its refusal as a 400 naming the
 * same field.
 */
public final class EventValidation {

    private EventValidation() {}

    /** The event with its aggregate key, once ledger-model's contract for hand-made events holds. */
    public static KeyedEvent validated(EventEnvelope envelope) {
        try {
            EventValidator.requireValidRequest(envelope);
        } catch (InvalidFieldException e) {
            throw new InvalidRequestException(e.field(), e.getMessage(), e);
        }
        return new KeyedEvent(AggregateKey.of(envelope).value(), envelope);
    }

    /** An eventId given outside the payload (a header, an NDJSON line's {@code eventId}), named as {@code field}. */
    public static String eventId(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        try {
            return IdSyntax.require(field, value);
        } catch (InvalidFieldException e) {
            throw new InvalidRequestException(e.field(), e.getMessage(), e);
        }
    }
}
