package org.kleline.ledger.projector.topology;

import org.apache.kafka.common.serialization.Serde;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/** The value serdes of the public topics: Avro in the Confluent wire format, one registry client. */
public record TopicSerdes(
        Serde<EventEnvelope> events,
        Serde<EventOutcome> outcomes,
        Serde<JournalEntry> journal,
        Serde<SettlementRow> settlements) {

    public static TopicSerdes from(Topics topics) {
        return new TopicSerdes(
                topics.events().valueSerde(),
                topics.outcomes().valueSerde(),
                topics.journal().valueSerde(),
                topics.settlements().valueSerde());
    }
}
