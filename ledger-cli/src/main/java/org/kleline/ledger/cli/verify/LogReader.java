package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.model.topics.PlainConsumers;

/**
 * A plain consumer of one whole topic, outside any group (assigned every partition, from the
 * beginning, nothing committed), reading only committed records ({@code read_committed}, what the
 * projector reads under exactly-once) up to end offsets taken when asked: what an auditor outside the
 * product would run. Records are handed over as bytes; the caller deserializes, so one unreadable
 * record is reported rather than stopping the read.
 */
final class LogReader implements AutoCloseable {

    /**
     * How long a metadata or offsets call may wait for the broker, unless {@code default.api.timeout.ms}
     * (Kafka's own setting for such calls, {@code -X}) says otherwise: a broker out of reach is then a
     * failure to run after this long, not a hang.
     */
    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    /** How long the read may go without a record before it is given up (the broker gone). */
    static final Duration STALL_MAX = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(200);
    /** No group, nothing committed: closing has nothing to wait for but a broker that may be gone. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_POLL_RECORDS = 5_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;
    private final Duration metadataTimeout;

    private LogReader(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            List<TopicPartition> partitions,
            Duration metadataTimeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.partitions = partitions;
        this.metadataTimeout = metadataTimeout;
    }

    /** Opens {@code topic} at its beginning; an {@link AuditFailure} when it does not exist or Kafka does not answer. */
    static LogReader open(ClientProperties clients, String topic) {
        Duration timeout = metadataTimeout(clients);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerProperties(clients), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new AuditFailure("topic " + topic + " does not exist at " + clients.bootstrapServers()
                        + " (--bootstrap-servers): is this the ledger's Kafka?");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            partitions.sort(Comparator.comparingInt(TopicPartition::partition));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new LogReader(consumer, topic, List.copyOf(partitions), timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            throw new AuditFailure(
                    "Kafka at " + clients.bootstrapServers() + " did not answer in "
                            + timeout.toMillis() + " ms (--bootstrap-servers, -X security settings, -X "
                            + ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG + "): " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            throw e;
        }
    }

    /** {@code default.api.timeout.ms} when given, otherwise {@link #METADATA_TIMEOUT}. */
    static Duration metadataTimeout(ClientProperties clients) {
        String given = clients.values().get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (given == null) {
            return METADATA_TIMEOUT;
        }
        try {
            long ms = Long.parseLong(given.trim());
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // Not a number: refused below.
        }
        throw new IllegalArgumentException("-X " + ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG
                + " must be a positive number of milliseconds, got '" + given + "'");
    }

    /** The plain consumer recipe ({@link PlainConsumers#readCommitted}) over the command's client settings. */
    static Properties consumerProperties(ClientProperties clients) {
        String clientId = clients.values().getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-verify");
        Properties p = new Properties();
        p.putAll(PlainConsumers.readCommitted(clients.values(), clientId));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
        return p;
    }

    int partitionCount() {
        return partitions.size();
    }

    String topic() {
        return topic;
    }

    /** The end offsets now (the last stable offsets: committed records only). */
    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, metadataTimeout);
    }

    /** Reads again from the beginning of every partition. */
    void rewind() {
        consumer.seekToBeginning(partitions);
    }

    /** Reads on from {@code offsets} rather than from the beginning. */
    void seek(Map<TopicPartition, Long> offsets) {
        offsets.forEach(consumer::seek);
    }

    /** Reads every record below {@code ends}, in each partition's order. */
    void readTo(Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        readTo(ends, sink, p -> false, p -> {}, () -> {});
    }

    /**
     * Reads every record below {@code ends}, in each partition's order.
     *
     * @param full       whether a partition's reader is full: it is paused until it is not
     * @param finished   told once of each partition read to its end
     * @param afterPoll  called after each poll's records are handed over
     */
    void readTo(
            Map<TopicPartition, Long> ends,
            Consumer<ConsumerRecord<byte[], byte[]>> sink,
            IntPredicate full,
            IntConsumer finished,
            Runnable afterPoll) {
        Set<Integer> done = new HashSet<>();
        long lastRecordNanos = System.nanoTime();
        while (true) {
            for (TopicPartition tp : partitions) {
                if (!done.contains(tp.partition()) && consumer.position(tp, metadataTimeout) >= ends.get(tp)) {
                    done.add(tp.partition());
                    finished.accept(tp.partition());
                }
            }
            afterPoll.run();
            if (done.size() == partitions.size()) {
                return;
            }
            List<TopicPartition> pause = new ArrayList<>();
            List<TopicPartition> resume = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                (full.test(tp.partition()) || done.contains(tp.partition()) ? pause : resume).add(tp);
            }
            consumer.pause(pause);
            consumer.resume(resume);
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                lastRecordNanos = System.nanoTime();
            } else if (!resume.isEmpty() && System.nanoTime() - lastRecordNanos > STALL_MAX.toNanos()) {
                throw new AuditFailure("no record of " + topic + " for " + STALL_MAX.toSeconds() + " s while " + resume
                        + " were not read to their end offsets " + ends);
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(tp)) {
                    sink.accept(record);
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }
}
