package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * The first outcomes of many eventIds, each read on the partition of the outcomes store that holds
 * it. The answer lists the outcomes found, partition by partition, each in the order given; an
 * eventId without an outcome is left out.
 *
 * @param keysByPartition the eventIds by partition, {@value #KEYS_MAX} at most in all
 */
public record OutcomesRead(Map<Integer, List<String>> keysByPartition) implements KeysRead<List<OutcomeBody>> {

    /** A forwarded read stays a bounded request: the public bulk read asks at most this many ids at once. */
    public static final int KEYS_MAX = 1_000;

    public OutcomesRead {
        Objects.requireNonNull(keysByPartition, "keysByPartition");
        if (keysByPartition.isEmpty()) {
            throw new IllegalArgumentException("keysByPartition must name at least one partition");
        }
        Map<Integer, List<String>> copy = new TreeMap<>();
        int keys = 0;
        for (Map.Entry<Integer, List<String>> partition : keysByPartition.entrySet()) {
            if (partition.getKey() == null || partition.getKey() < 0) {
                throw new IllegalArgumentException("partitions must be >= 0, was " + partition.getKey());
            }
            if (partition.getValue() == null || partition.getValue().isEmpty()) {
                throw new IllegalArgumentException("partition " + partition.getKey() + " must have at least one key");
            }
            copy.put(partition.getKey(), List.copyOf(partition.getValue()));
            keys += partition.getValue().size();
        }
        if (keys > KEYS_MAX) {
            throw new IllegalArgumentException("a read of outcomes names at most " + KEYS_MAX + " eventIds, was " + keys);
        }
        keysByPartition = Map.copyOf(copy);
    }

    @Override
    public String store() {
        return StoreNames.OUTCOMES;
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructCollectionType(List.class, OutcomeBody.class);
    }

    @Override
    public List<OutcomeBody> readLocally(LocalStores stores, Set<Integer> partitions) {
        requireExactly(partitions);
        List<OutcomeBody> found = new ArrayList<>();
        new TreeMap<>(keysByPartition).forEach((partition, eventIds) -> {
            for (String eventId : eventIds) {
                EventOutcome outcome = stores.get(store(), partition, eventId);
                if (outcome != null) {
                    found.add(OutcomeBody.of(outcome));
                }
            }
        });
        return found;
    }
}
