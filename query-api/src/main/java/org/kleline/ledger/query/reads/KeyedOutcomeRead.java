package org.kleline.ledger.query.reads;

import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.read.FirstOutcomes;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * The first outcome of an eventId under one aggregate key ({@code wallet:w1}): the outcomes store
 * is partitioned by that key, so this is a key read routed by {@code aggregateKey} (ingest's check
 * before appending knows the key of the event it was sent).
 */
@AnsweredFrom(StoreNames.OUTCOMES)
public record KeyedOutcomeRead(String eventId, String aggregateKey) implements KeyRead<OutcomeBody> {

    public KeyedOutcomeRead {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateKey, "aggregateKey");
    }

    /** The routing key: the store's partitions are ledger.events', chosen by the aggregate key. */
    @Override
    public String key() {
        return aggregateKey;
    }

    @Override
    public OutcomeBody readLocally(LocalStores stores, Set<Integer> partitions) {
        int partition = KeyRead.onlyPartition(partitions);
        EventOutcome outcome = FirstOutcomes.underKey(k -> stores.get(store(), partition, k), eventId, aggregateKey);
        return outcome == null ? null : OutcomeBody.of(outcome);
    }
}
