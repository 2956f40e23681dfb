package org.kleline.ledger.projector.progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projector's progress as the cluster knows it: end offsets and the Streams application's
 * committed offsets through an {@link Admin} client, and the probe of a stalled partition through a
 * short-lived {@code read_committed} consumer. The Streams application's group id is its
 * {@code application.id}; a group on the {@code streams} rebalance protocol (KIP-1071) is asked
 * through its own call.
 *
 * <p>Committed offsets are read without {@code requireStable}: offsets still pending in an open
 * transaction are then not returned (the last committed ones are), which is what a barrier wants,
 * and it never waits on a transaction in flight.
 */
public final class KafkaProjectorProgress implements ProjectorProgress {

    static final Duration PROBE_POLL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaProjectorProgress.class);

    private final Admin admin;
    private final String groupId;
    private final boolean streamsGroup;
    private final Supplier<Consumer<byte[], byte[]>> probes;
    private final Map<String, List<TopicPartition>> partitionsByTopic = new ConcurrentHashMap<>();

    /**
     * @param admin        an admin client with the projector's client settings; the caller closes it
     * @param groupId      the Streams {@code application.id}
     * @param streamsGroup whether the application runs with {@code group.protocol=streams}
     * @param probes       makes a consumer with the projector's client settings, {@code read_committed}, no group
     */
    public KafkaProjectorProgress(
            Admin admin, String groupId, boolean streamsGroup, Supplier<Consumer<byte[], byte[]>> probes) {
        this.admin = admin;
        this.groupId = groupId;
        this.streamsGroup = streamsGroup;
        this.probes = probes;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(String topic, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition partition : partitionsOf(topic, timeout)) {
            latest.put(partition, OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(
                admin.listOffsets(latest).all(),
                Duration.ofNanos(Math.max(1, deadlineNs - System.nanoTime())),
                "the end offsets of " + topic);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        ends.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(Set<TopicPartition> partitions, Duration timeout) {
        KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> committed = streamsGroup
                ? admin.listStreamsGroupOffsets(
                                Map.of(groupId, new ListStreamsGroupOffsetsSpec().topicPartitions(partitions)))
                        .partitionsToOffsetAndMetadata(groupId)
                : admin.listConsumerGroupOffsets(
                                Map.of(groupId, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
                        .partitionsToOffsetAndMetadata(groupId);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(committed, timeout, "the committed offsets of group " + groupId).forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    @Override
    public boolean holdsRecords(TopicPartition partition, long fromOffset, long toOffset, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        try (Consumer<byte[], byte[]> probe = probes.get()) {
            probe.assign(List.of(partition));
            probe.seek(partition, fromOffset);
            while (System.nanoTime() < deadlineNs) {
                for (ConsumerRecord<byte[], byte[]> record :
                        probe.poll(PROBE_POLL).records(partition)) {
                    if (record.offset() < toOffset) {
                        return true;
                    }
                }
                // read_committed: the position passes markers and aborted records, and stops at an open transaction.
                if (probe.position(partition, PROBE_POLL) >= toOffset) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.debug(
                    "could not probe {} in [{}, {}); taking it as holding records", partition, fromOffset, toOffset, e);
            return true;
        }
    }

    private List<TopicPartition> partitionsOf(String topic, Duration timeout) {
        List<TopicPartition> known = partitionsByTopic.get(topic);
        if (known != null) {
            return known;
        }
        TopicDescription description = get(
                        admin.describeTopics(List.of(topic)).allTopicNames(), timeout, "the partitions of " + topic)
                .get(topic);
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        partitionsByTopic.put(topic, partitions);
        return partitions;
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not read " + what + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, e);
        }
    }
}
