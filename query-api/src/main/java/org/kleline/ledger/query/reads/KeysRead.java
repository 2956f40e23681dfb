package org.kleline.ledger.query.reads;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A read of many keys of one store, grouped by the partition each key is in: the router sends each
 * instance the keys of the partitions it owns (one request per instance, not one per key), and the
 * parts are combined by the caller.
 */
public sealed interface KeysRead<R> extends ViewRead<R> permits OutcomesRead {

    /** The keys to read, by their partition of {@link #store()}. */
    Map<Integer, List<String>> keysByPartition();

    /** Throws unless {@code partitions} are exactly the partitions of this read's keys. */
    default void requireExactly(Set<Integer> partitions) {
        if (!partitions.equals(keysByPartition().keySet())) {
            throw new IllegalArgumentException("a read of keys is answered from the partitions of its keys "
                    + new TreeSet<>(keysByPartition().keySet()) + ", was given " + new TreeSet<>(partitions));
        }
    }
}
