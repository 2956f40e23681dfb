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

/**
 * A plain consumer of one whole topic, outside any group (assigned every partition, from the
 * beginning, nothing committed), reading only committed records ({@code read_committed}, what the
 * projector reads under exactly-once) up to end offsets taken when asked: what an auditor outside the
 * product would run. Records are handed over as bytes; the caller deserializes, so one unreadable
 * record is reported rather than stopping the read.
 */
final class LogReader implements AutoCloseable {

    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    /** How long the read may go without a record before it is given up (the broker gone). */
    static final Duration STALL_MAX = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAX_POLL_RECORDS = 5_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;

    private LogReader(KafkaConsumer<byte[], byte[]> consumer, String topic, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.topic = topic;
        this.partitions = partitions;
    }

    /** Opens {@code topic} at its beginning; an {@link AuditFailure} when it does not exist. */
    static LogReader open(ClientProperties clients, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(clients),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new AuditFailure("topic " + topic + " does not exist at " + clients.bootstrapServers()
                        + " (--bootstrap-servers): is this the ledger's Kafka?");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            partitions.sort(Comparator.comparingInt(TopicPartition::partition));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new LogReader(consumer, topic, List.copyOf(partitions));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            consumer.close();
            throw new AuditFailure("Kafka at " + clients.bootstrapServers() + " did not answer in "
                    + METADATA_TIMEOUT.toSeconds() + " s (--bootstrap-servers, -X security settings): " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Only the keys a consumer knows: the registry's own keys would each be logged as unknown. */
    static Properties consumerProperties(ClientProperties clients) {
        Set<String> known = ConsumerConfig.configNames();
        Properties p = new Properties();
        clients.values().forEach((key, value) -> {
            if (known.contains(key)) {
                p.put(key, value);
            }
        });
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-verify");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
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
        return consumer.endOffsets(partitions, METADATA_TIMEOUT);
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
        readTo(ends, sink, p -> false, p -> { }, () -> { });
    }

    /**
     * Reads every record below {@code ends}, in each partition's order.
     *
     * @param full       whether a partition's reader is full: it is paused until it is not
     * @param finished   told once of each partition read to its end
     * @param afterPoll  called after each poll's records are handed over
     */
    void readTo(Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<byte[], byte[]>> sink, IntPredicate full,
                IntConsumer finished, Runnable afterPoll) {
        Set<Integer> done = new HashSet<>();
        long lastRecordNanos = System.nanoTime();
        while (true) {
            for (TopicPartition tp : partitions) {
                if (!done.contains(tp.partition()) && consumer.position(tp, METADATA_TIMEOUT) >= ends.get(tp)) {
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
                throw new AuditFailure("no record of " + topic + " for " + STALL_MAX.toSeconds() + " s while "
                        + resume + " were not read to their end offsets " + ends);
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
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
