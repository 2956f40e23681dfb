package org.kleline.ledger.model.topics;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic and the serdes of its keys and values: the whole contract of a topic in one value.
 * Streams code reads it with {@code Consumed.with(topic.keySerde(), topic.valueSerde())}, a producer
 * with {@code new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())}.
 *
 * @param name the topic's name
 * @param keySerde the serde of its keys, configured
 * @param valueSerde the serde of its values, configured
 * @param configs    the settings it is created with ({@link Topics#creationConfigs}): retention, compaction
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    /** Kafka's own rule for topic names. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public Topic {
        Objects.requireNonNull(name, "name");
        if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("topic name must be 1..249 of [a-zA-Z0-9._-], was '" + name + "'");
        }
        Objects.requireNonNull(keySerde, "keySerde of topic " + name);
        Objects.requireNonNull(valueSerde, "valueSerde of topic " + name);
        configs = Map.copyOf(configs);
    }

    /** A topic with the creation settings the ledger gives a topic of that name (none for others). */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, keySerde, valueSerde, Topics.creationConfigs(name));
    }
}
