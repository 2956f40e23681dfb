package org.kleline.ledger.query.reads;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * The first outcome of an eventId, whatever its key. The outcomes store is partitioned by the
 * event's aggregate key (the decide stage keeps it), which an eventId alone does not tell, so every
 * partition is asked ({@code get(eventId)}, one point read each). A client reusing an id across
 * keys may find it in several partitions: docs/domain.md leaves the answer unspecified; this one is the
 * earliest by (occurredAt, key), whichever instance answers. With the key known, {@link KeyedOutcomeRead}
 * asks one partition.
 */
@AnsweredFrom(StoreNames.OUTCOMES)
public record OutcomeRead(String eventId) implements PartitionRead<OutcomeBody> {

    /** Which of several first outcomes (an id reused across keys) is shown: the earliest. */
    public static final Comparator<OutcomeBody> SHOWN_FIRST =
            Comparator.comparing(OutcomeBody::occurredAt).thenComparing(OutcomeBody::key);

    public OutcomeRead {
        Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public OutcomeBody readLocally(LocalStores stores, Set<Integer> partitions) {
        OutcomeBody shown = null;
        for (int partition : partitions) {
            EventOutcome outcome = stores.get(store(), partition, eventId);
            if (outcome != null) {
                OutcomeBody body = OutcomeBody.of(outcome);
                shown = shown == null || SHOWN_FIRST.compare(body, shown) < 0 ? body : shown;
            }
        }
        return shown;
    }
}
