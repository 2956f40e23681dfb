package org.kleline.ledger.embedded.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for the interoperability tests, every safety setting written out. Topics
 * have one partition, so a topic reads back in the order it was written.
 */
final class TopicClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicClients() {}

    static void createTopics(String bootstrapServers, Collection<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics =
                    names.stream().map(name -> new NewTopic(name, 1, (short) 1)).toList();
            admin.createTopics(topics).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long highWatermark(String bootstrapServers, TopicPartition partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listOffsets(
                            Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .partitionResult(partition)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the high watermark of " + partition, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code records} in one committed transaction, values with {@code values}. */
    static <V> void produceCommitted(
            String bootstrapServers,
            String topic,
            String transactionalId,
            Serializer<V> values,
            List<Map.Entry<String, V>> records) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        // Kafka does not configure serializer instances it is given: these come configured.
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Map.Entry<String, V> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
            }
            producer.commitTransaction();
        }
    }

    /**
     * Every committed record of {@code topic} (one partition), from the beginning to its end, as a
     * read_committed consumer without a group sees it; fails when the end is not reached in time.
     * The end is the high watermark, not the consumer's own end offset: a transaction's commit
     * returns before its markers are written, and until then the last stable offset, which a
     * read_committed consumer's endOffsets answers, still stops before the transaction's records.
     */
    static <V> List<ConsumerRecord<String, V>> readAllCommitted(
            String bootstrapServers, String topic, Deserializer<V> values) {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = highWatermark(bootstrapServers, partition);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + records.size() + " records of " + topic
                            + " but not up to its high watermark " + end + " within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(100)).records(partition).forEach(records::add);
            }
            return records;
        }
    }

    /** The values of {@link #readAllCommitted}. */
    static <V> List<V> readAllCommittedValues(String bootstrapServers, String topic, Deserializer<V> values) {
        return readAllCommitted(bootstrapServers, topic, values).stream()
                .map(ConsumerRecord::value)
                .toList();
    }
}
