package org.kleline.ledger.embedded.registry.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compacted, single-partition topic holding the registry's records. One partition keeps
 * one total order of registrations, which is what makes ids increase and survive replays.
 * Not thread-safe: the store calls it under its writer lock.
 */
final class SchemasTopic implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration METADATA_RETRY_BACKOFF = Duration.ofMillis(20);

    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;

    private SchemasTopic(
            TopicPartition partition,
            Duration timeout,
            KafkaProducer<String, String> producer,
            KafkaConsumer<String, String> consumer) {
        this.partition = partition;
        this.timeout = timeout;
        this.producer = producer;
        this.consumer = consumer;
    }

    static SchemasTopic open(String bootstrapServers, String topic, short replicationFactor, Duration timeout) {
        ensureTopic(bootstrapServers, topic, replicationFactor, timeout);
        TopicPartition partition = new TopicPartition(topic, 0);
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                producerConfig(bootstrapServers, timeout), new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer;
        try {
            consumer = new KafkaConsumer<>(
                    consumerConfig(bootstrapServers, timeout), new StringDeserializer(), new StringDeserializer());
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return new SchemasTopic(partition, timeout, producer, consumer);
    }

    /** Appends a record and waits until every in-sync replica has it; returns its offset. */
    long write(String key, String value) throws StoreFailure {
        try {
            return producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while writing to " + partition, e);
        } catch (ExecutionException e) {
            throw new StoreFailure(
                    "cannot write to " + partition + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreFailure("no acknowledgement from " + partition + " within " + timeout, e);
        }
    }

    /** Hands every record up to the current end of the partition to {@code apply}, in order. */
    void readToEnd(BiConsumer<Long, ConsumerRecord<String, String>> apply) throws StoreFailure {
        long end;
        try {
            end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        } catch (RuntimeException e) {
            throw new StoreFailure("cannot find the end of " + partition + ": " + e.getMessage(), e);
        }
        readUpTo(end, apply);
    }

    /** Hands every record below {@code endOffset} to {@code apply}, in order. */
    void readUpTo(long endOffset, BiConsumer<Long, ConsumerRecord<String, String>> apply) throws StoreFailure {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        try {
            while (consumer.position(partition, timeout) < endOffset) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new StoreFailure(
                            "could not read " + partition + " up to offset " + endOffset + " within " + timeout
                                    + " (at " + consumer.position(partition) + ")",
                            null);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL_INTERVAL)) {
                    apply.accept(record.offset(), record);
                }
            }
        } catch (RuntimeException e) {
            throw new StoreFailure("cannot read " + partition + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            producer.close(timeout);
        } finally {
            consumer.close(CloseOptions.timeout(timeout));
        }
    }

    private static void ensureTopic(String bootstrapServers, String topic, short replicationFactor, Duration timeout) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "schema-registry-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(timeout.toMillis(), 15_000));
        try (Admin admin = Admin.create(config)) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            int partitions;
            try {
                // The controller's own answer: describing a topic just created could reach the
                // broker before it has applied the creation.
                partitions = admin.createTopics(List.of(newTopic))
                        .numPartitions(topic)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "Cannot create the schemas topic '" + topic + "': "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
                TopicDescription description = LaggingMetadata.retryWhileUnknownTopic(
                        () -> admin.describeTopics(Set.of(topic))
                                .allTopicNames()
                                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                                .get(topic),
                        timeout,
                        METADATA_RETRY_BACKOFF);
                partitions = description.partitions().size();
            }
            if (partitions != 1) {
                throw new IllegalStateException("The schemas topic '" + topic + "' has " + partitions
                        + " partitions; it must have exactly 1 to keep one order of registrations");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the schemas topic '" + topic + "'", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot prepare the schemas topic '" + topic + "' on " + bootstrapServers + ": " + e.getMessage(),
                    e);
        }
    }

    private static Map<String, Object> producerConfig(String bootstrapServers, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "schema-registry-writer",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.min(timeoutMs, 15_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeoutMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeoutMs);
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, Duration timeout) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "schema-registry-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                // A fetch sent before a write is parked on the broker until this wait expires
                // instead of returning the record the write then appends, so every read-back
                // (hence every registration) took the default 500 ms. This consumer polls only
                // while catching up, so a short wait costs nothing when the registry is idle.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                10,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis());
    }

    /** Kafka did not confirm a write or a read in time; the record may or may not be there. */
    static final class StoreFailure extends Exception {
        StoreFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
