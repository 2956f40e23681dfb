package org.kleline.ledger.cli.run;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/** A topic read whole beside the product (the ITs' own account of the log): every partition, from its first offset. */
final class WholeTopic {

    private WholeTopic() {}

    /** A consumer's settings that see only committed records of {@code bootstrapServers}, no group, no commits. */
    static Properties readCommitted(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    /** Assigns {@code consumer} every partition of {@code topic}, at its first offset; returns them. */
    static List<TopicPartition> assignFromStart(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
