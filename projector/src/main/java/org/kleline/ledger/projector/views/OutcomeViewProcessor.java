package org.kleline.ledger.projector.views;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.topology.StoreNames;

/**
 * The outcome view, fed by ledger.outcomes (keyed by eventId): the first outcome of an eventId
 * stays the one reported; a later DUPLICATE of it does not replace it.
 */
public final class OutcomeViewProcessor implements Processor<String, EventOutcome, Void, Void> {

    private KeyValueStore<String, EventOutcome> outcomes;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        outcomes = context.getStateStore(StoreNames.OUTCOMES);
    }

    @Override
    public void process(Record<String, EventOutcome> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        outcomes.putIfAbsent(record.key(), record.value());
    }
}
