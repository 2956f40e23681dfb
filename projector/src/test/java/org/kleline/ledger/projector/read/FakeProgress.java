package org.kleline.ledger.projector.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.kleline.ledger.projector.progress.ProjectorProgress;

/**
 * Offsets a test sets by hand, and a record of every call the barrier made. Calls come from the
 * barrier's thread and the test's, so every method is synchronized.
 */
final class FakeProgress implements ProjectorProgress {

    private final Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Map<TopicPartition, Boolean> holdsRecords = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private int failuresToGo;
    private boolean unreadable;

    synchronized FakeProgress end(String topic, int partition, long offset) {
        ends.computeIfAbsent(topic, t -> new HashMap<>()).put(new TopicPartition(topic, partition), offset);
        return this;
    }

    synchronized FakeProgress commit(String topic, int partition, long offset) {
        committed.put(new TopicPartition(topic, partition), offset);
        return this;
    }

    /** A partition the projector has read to its end: committed offset and end offset both {@code offset}. */
    synchronized FakeProgress readTo(String topic, int partition, long offset) {
        return end(topic, partition, offset).commit(topic, partition, offset);
    }

    synchronized FakeProgress holdsRecords(String topic, int partition, boolean holds) {
        holdsRecords.put(new TopicPartition(topic, partition), holds);
        return this;
    }

    /** The next {@code n} calls throw, as an admin client does while the broker is out of reach. */
    synchronized FakeProgress failNext(int n) {
        failuresToGo = n;
        return this;
    }

    synchronized FakeProgress unreadable() {
        unreadable = true;
        return this;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized long count(String callPrefix) {
        return calls.stream().filter(c -> c.startsWith(callPrefix)).count();
    }

    @Override
    public synchronized Map<TopicPartition, Long> endOffsets(String topic, Duration timeout) {
        calls.add("end " + topic);
        failIfAsked();
        return Map.copyOf(ends.getOrDefault(topic, Map.of()));
    }

    @Override
    public synchronized Map<TopicPartition, Long> committedOffsets(Set<TopicPartition> partitions, Duration timeout) {
        calls.add("committed " + partitions.iterator().next().topic());
        failIfAsked();
        Map<TopicPartition, Long> answer = new HashMap<>();
        partitions.forEach(p -> {
            if (committed.containsKey(p)) {
                answer.put(p, committed.get(p));
            }
        });
        return answer;
    }

    @Override
    public synchronized boolean holdsRecords(
            TopicPartition partition, long fromOffset, long toOffset, Duration timeout) {
        calls.add("probe " + partition + " " + fromOffset + ".." + toOffset);
        return holdsRecords.getOrDefault(partition, true);
    }

    private void failIfAsked() {
        if (unreadable || failuresToGo > 0) {
            failuresToGo--;
            throw new IllegalStateException("could not read the committed offsets of group app: "
                    + "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment");
        }
    }
}
