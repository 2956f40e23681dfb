package org.kleline.ledger.projector.topology;

import org.apache.kafka.common.serialization.Serde;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.serde.AvroSerdes;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/** The value serdes of the public topics: Avro in the Confluent wire format, one registry client. */
public record TopicSerdes(Serde<EventEnvelope> events, Serde<EventOutcome> outcomes, Serde<JournalEntry> journal,
        Serde<SettlementRow> settlements) {

    public static TopicSerdes from(AvroSerdes serdes) {
        return new TopicSerdes(serdes.valueSerde(EventEnvelope.class), serdes.valueSerde(EventOutcome.class),
                serdes.valueSerde(JournalEntry.class), serdes.valueSerde(SettlementRow.class));
    }
}
