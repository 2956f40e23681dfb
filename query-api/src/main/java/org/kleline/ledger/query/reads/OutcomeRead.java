package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.web.outcome.OutcomeBody;

/** The first outcome of an eventId (the outcomes store keeps only the first). */
public record OutcomeRead(String eventId) implements KeyRead<OutcomeBody> {

    public OutcomeRead {
        Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public String store() {
        return StoreNames.OUTCOMES;
    }

    @Override
    public String key() {
        return eventId;
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructType(OutcomeBody.class);
    }

    @Override
    public OutcomeBody readLocally(LocalStores stores, Set<Integer> partitions) {
        EventOutcome outcome = stores.get(store(), KeyRead.onlyPartition(partitions), key());
        return outcome == null ? null : OutcomeBody.of(outcome);
    }
}
