package org.kleline.ledger.query.routing;

import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.query.reads.ViewRead;

/**
 * A forwarded read: what to read and from which partitions, which the receiving node must own.
 *
 * @param read       the read
 * @param partitions the partitions to answer from (one for a key read)
 */
public record ReadRequest(ViewRead<?> read, Set<Integer> partitions) {

    public ReadRequest {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(partitions, "partitions");
        if (partitions.isEmpty() || partitions.size() > LogPosition.PARTITIONS_MAX) {
            throw new IllegalArgumentException(
                    "partitions must name 1.." + LogPosition.PARTITIONS_MAX + " partitions, was " + partitions.size());
        }
        partitions = Set.copyOf(partitions);
        for (int p : partitions) {
            if (p < 0) {
                throw new IllegalArgumentException("partitions must be >= 0, was " + partitions);
            }
        }
    }
}
