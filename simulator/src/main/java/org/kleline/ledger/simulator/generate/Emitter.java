package org.kleline.ledger.simulator.generate;

import java.time.Instant;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.simulator.business.Chance;
import org.kleline.ledger.simulator.business.Rates;

/**
 * Makes the lines: gives each its eventId in emission order, and behind a customer's request
 * schedules, now and then, the same request retried or a malformed one. Counts the transactions.
 */
final class Emitter {

    private final SequenceIds eventIds;
    private final Chance chance;
    private final Agenda agenda;
    private long transactions;

    Emitter(int year, Chance chance, Agenda agenda) {
        this.eventIds = new SequenceIds("sim-" + year + "-", 9);
        this.chance = chance;
        this.agenda = agenda;
    }

    /** A merchant event from Kleline's back office: sent once, well formed. */
    SimulatedEvent backOffice(long atMs, Object payload) {
        return new SimulatedEvent(envelope(eventIds.next(), atMs, payload), ExpectedOutcome.ACCEPTED, Defect.NONE);
    }

    /** A wallet or card-payment request, which the ledger will decide {@code expected}. */
    SimulatedEvent customer(long atMs, Object payload, ExpectedOutcome expected) {
        EventEnvelope envelope = envelope(eventIds.next(), atMs, payload);
        if (expected == ExpectedOutcome.ACCEPTED
                && (payload instanceof CardPaymentCaptured || payload instanceof MicropaymentRequested)) {
            transactions++;
        }
        if (chance.happens(Rates.RETRY_PPM)) {
            agenda.scheduleWithinYear(
                    atMs + chance.between(Rates.RETRY_MS_MIN, Rates.RETRY_MS_MAX), new Action.Retry(envelope));
        }
        if (chance.happens(Rates.DEFECT_PPM)) {
            Defect defect = Defects.draw(payload, chance);
            agenda.scheduleWithinYear(
                    atMs + chance.between(Rates.DEFECT_MS_MIN, Rates.DEFECT_MS_MAX),
                    new Action.Flawed(Defects.broken(payload, defect), defect));
        }
        return new SimulatedEvent(envelope, expected, Defect.NONE);
    }

    SimulatedEvent retry(long atMs, Action.Retry retry) {
        EventEnvelope original = retry.original();
        return new SimulatedEvent(
                envelope(original.getEventId(), atMs, original.getPayload()), ExpectedOutcome.DUPLICATE, Defect.NONE);
    }

    SimulatedEvent flawed(long atMs, Action.Flawed flawed) {
        String eventId = eventIds.next();
        if (flawed.defect() == Defect.INVALID_EVENT_ID) {
            eventId = eventId + Defects.BAD_EVENT_ID_SUFFIX;
        }
        return new SimulatedEvent(envelope(eventId, atMs, flawed.payload()), ExpectedOutcome.REFUSED, flawed.defect());
    }

    /** Accepted captures and micropayments emitted so far. */
    long transactions() {
        return transactions;
    }

    private static EventEnvelope envelope(String eventId, long atMs, Object payload) {
        return new EventEnvelope(eventId, Instant.ofEpochMilli(atMs), payload, null, null);
    }
}
