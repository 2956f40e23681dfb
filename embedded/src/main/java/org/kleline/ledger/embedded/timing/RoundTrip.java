package org.kleline.ledger.embedded.timing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** One record produced with acks=all and read back by a consumer: proof that a broker serves. */
final class RoundTrip {

    private RoundTrip() {}

    static void produceAndConsume(String bootstrapServers, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        String value = UUID.randomUUID().toString();
        RecordMetadata written;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        (int) timeout.toMillis()),
                new StringSerializer(),
                new StringSerializer())) {
            written = producer.send(new ProducerRecord<>(topic, "startup", value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        TopicPartition partition = new TopicPartition(topic, written.partition());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    if (record.offset() == written.offset() && value.equals(record.value())) {
                        return;
                    }
                }
            }
        }
        throw new TimeoutException(
                "record at offset " + written.offset() + " of " + partition + " not read back within " + timeout);
    }
}
