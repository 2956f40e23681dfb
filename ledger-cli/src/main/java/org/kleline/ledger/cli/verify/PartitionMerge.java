package org.kleline.ledger.cli.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Merges the records of several partitions into one replay order without ever reordering the
 * records of one partition: the next record is the least, by {@code order}, of the partitions'
 * heads, and it is only given once every partition that may still receive records has a head (so
 * a record yet to be read cannot come before it). Not thread-safe.
 *
 * @param <T> the records
 */
final class PartitionMerge<T> {

    private final List<ArrayDeque<T>> queues;
    private final boolean[] finished;
    private final Comparator<T> order;

    PartitionMerge(int partitions, Comparator<T> order) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        this.queues = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            queues.add(new ArrayDeque<>());
        }
        this.finished = new boolean[partitions];
        this.order = Objects.requireNonNull(order, "order");
    }

    /** Adds the next record of {@code partition}. */
    void add(int partition, T record) {
        if (finished[partition]) {
            throw new IllegalStateException("partition " + partition + " was finished");
        }
        queues.get(partition).addLast(record);
    }

    /** No more records will come for {@code partition}. */
    void finish(int partition) {
        finished[partition] = true;
    }

    /** The next record in replay order, or null when it cannot be decided yet (or all are given). */
    T poll() {
        int best = -1;
        for (int p = 0; p < queues.size(); p++) {
            T head = queues.get(p).peekFirst();
            if (head == null) {
                if (!finished[p]) {
                    return null;
                }
            } else if (best < 0 || order.compare(head, queues.get(best).peekFirst()) < 0) {
                best = p;
            }
        }
        return best < 0 ? null : queues.get(best).pollFirst();
    }

    int buffered(int partition) {
        return queues.get(partition).size();
    }

    /** Every partition finished and every record given. */
    boolean isDone() {
        for (int p = 0; p < queues.size(); p++) {
            if (!finished[p] || !queues.get(p).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
