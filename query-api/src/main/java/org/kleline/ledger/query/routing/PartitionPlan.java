package org.kleline.ledger.query.routing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * Which instance answers which partitions of a store, for a read over all of them: every partition
 * exactly once, by the instance the assignment names as its active owner. A gap or an overlap
 * (only possible while the group rebalances) would make a sum wrong, so it is a 503 instead.
 *
 * @param owners instance to the partitions it is asked for, in the metadata's order
 */
record PartitionPlan(Map<HostInfo, Set<Integer>> owners) {

    public PartitionPlan {
        owners = Map.copyOf(owners);
    }

    /** The plan for a store whose partitions are those of the input topics {@code input} accepts. */
    public static PartitionPlan of(String store, Collection<StreamsMetadata> instances, Predicate<String> input) {
        Map<HostInfo, Set<Integer>> owners = new LinkedHashMap<>();
        TreeSet<Integer> covered = new TreeSet<>();
        for (StreamsMetadata instance : instances) {
            Set<Integer> partitions = new TreeSet<>();
            for (TopicPartition tp : instance.topicPartitions()) {
                if (input.test(tp.topic())) {
                    partitions.add(tp.partition());
                }
            }
            for (int partition : partitions) {
                if (!covered.add(partition)) {
                    throw new UnavailableException("partition " + partition + " of store " + store
                            + " is assigned to two instances at once (a rebalance is under way)");
                }
            }
            if (!partitions.isEmpty()) {
                owners.put(instance.hostInfo(), partitions);
            }
        }
        if (covered.isEmpty()) {
            throw new UnavailableException("no instance serves store " + store + " yet");
        }
        int expected = covered.last() + 1;
        if (covered.size() != expected) {
            throw new UnavailableException("store " + store + " has partitions without an owner: only " + covered
                    + " of 0.." + (expected - 1) + " are assigned");
        }
        return new PartitionPlan(owners);
    }
}
