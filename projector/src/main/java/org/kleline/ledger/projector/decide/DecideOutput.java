package org.kleline.ledger.projector.decide;

import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.settlement.SettlementDelta;

/** What the decide stage emits for one event; the topology routes each kind to its topic. */
public sealed interface DecideOutput {

    /** To ledger.outcomes, keyed by eventId. */
    record Outcome(EventOutcome value) implements DecideOutput {}

    /** To ledger.journal, keyed by entryId (= eventId). */
    record Journal(JournalEntry value) implements DecideOutput {}

    /** To the settlement stage, keyed by {@code merchantId|date|currency}. */
    record SettlementOut(SettlementDelta value) implements DecideOutput {}

    /** To ledger.events.dlq: an event that can be read but not decided; {@code value} may be null;
     * the record's headers say why and where it came from. */
    record DeadLetter(EventEnvelope value) implements DecideOutput {}
}
