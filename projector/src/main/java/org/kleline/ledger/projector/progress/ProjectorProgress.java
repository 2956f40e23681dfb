package org.kleline.ledger.projector.progress;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the log is written and how far the projector has read it: what {@link org.kleline.ledger.projector.read.CatchUpBarrier}
 * compares. {@link KafkaProjectorProgress} asks the cluster; tests give fakes. Every call is bounded
 * by its {@code timeout} and throws when it cannot answer in time.
 */
public interface ProjectorProgress {

    /**
     * The end offset of every partition of {@code topic}: one past the last record acknowledged to its
     * producer (the high watermark, transactional records still open included).
     */
    Map<TopicPartition, Long> endOffsets(String topic, Duration timeout);

    /**
     * The projector application's committed offsets of {@code partitions} (the next offset it will
     * read); a partition it never committed is absent.
     */
    Map<TopicPartition, Long> committedOffsets(Set<TopicPartition> partitions, Duration timeout);

    /**
     * Whether {@code partition} holds a record a {@code read_committed} reader would be given at an
     * offset in {@code [fromOffset, toOffset)}. False means the range is only transaction markers and
     * aborted records. When it cannot tell in time, true: the safe answer for a barrier.
     */
    boolean holdsRecords(TopicPartition partition, long fromOffset, long toOffset, Duration timeout);
}
