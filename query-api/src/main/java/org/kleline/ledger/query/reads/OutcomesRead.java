package org.kleline.ledger.query.reads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * The first outcomes of many eventIds. As for {@link OutcomeRead}, the outcomes store is partitioned
 * by the events' aggregate keys, which the ids do not tell, so every instance is asked for every id
 * (one request per instance) and looks each up in each of its partitions. An instance's part holds,
 * for each id it found, the one {@link OutcomeRead#SHOWN_FIRST} among its partitions, in the order
 * asked; an id without an outcome is left out.
 *
 * @param eventIds the ids, {@value #KEYS_MAX} at most
 */
@AnsweredFrom(StoreNames.OUTCOMES)
public record OutcomesRead(List<String> eventIds) implements PartitionRead<List<OutcomeBody>> {

    /** A forwarded read stays a bounded request: the public bulk read asks at most this many ids at once. */
    public static final int KEYS_MAX = 1_000;

    public OutcomesRead {
        Objects.requireNonNull(eventIds, "eventIds");
        if (eventIds.isEmpty() || eventIds.size() > KEYS_MAX) {
            throw new IllegalArgumentException(
                    "a read of outcomes names 1 to " + KEYS_MAX + " eventIds, was " + eventIds.size());
        }
        eventIds = List.copyOf(eventIds);
    }

    @Override
    public List<OutcomeBody> readLocally(LocalStores stores, Set<Integer> partitions) {
        Map<String, OutcomeBody> found = new HashMap<>();
        for (int partition : partitions) {
            for (String eventId : eventIds) {
                EventOutcome outcome = stores.get(store(), partition, eventId);
                if (outcome != null) {
                    found.merge(eventId, OutcomeBody.of(outcome), OutcomesRead::earlier);
                }
            }
        }
        return inAskedOrder(eventIds, found);
    }

    /** The outcomes {@code found} by eventId, in the order {@code eventIds} asks them; ids not found are left out. */
    public static List<OutcomeBody> inAskedOrder(List<String> eventIds, Map<String, OutcomeBody> found) {
        List<OutcomeBody> inOrder = new ArrayList<>(found.size());
        for (String eventId : eventIds) {
            OutcomeBody outcome = found.get(eventId);
            if (outcome != null) {
                inOrder.add(outcome);
            }
        }
        return inOrder;
    }

    /** Of two first outcomes of one id (reused across keys), the one shown. */
    public static OutcomeBody earlier(OutcomeBody a, OutcomeBody b) {
        return OutcomeRead.SHOWN_FIRST.compare(b, a) < 0 ? b : a;
    }
}
