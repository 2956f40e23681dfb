package org.kleline.ledger.model.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} together, for Kafka Streams.
 * Configure it (or take it from {@link AvroSerdes} or {@link org.kleline.ledger.model.topics.Topics},
 * which do) before use.
 *
 * @param <T> the generated record class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SchemaRegistryClient injectedRegistry;
    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    /** For {@code default.value.serde} and other class-name configuration: type from the writer's schema name. */
    public SpecificAvroSerde() {
        this.injectedRegistry = null;
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /** A serde of {@code type}, its client built by {@link #configure}. */
    public SpecificAvroSerde(Class<T> type) {
        this.injectedRegistry = null;
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>(type);
    }

    /** A serde of {@code type} using a shared client. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry) {
        this.injectedRegistry = Objects.requireNonNull(registry, "registry");
        this.serializer = new SpecificAvroSerializer<>(registry);
        this.deserializer = new SpecificAvroDeserializer<>(type, registry);
    }

    /** Configures both halves with one registry client, so what one registers the other knows. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        SchemaRegistryClient registry = RegistryBinding.resolve(injectedRegistry, config);
        serializer.configure(config, isKey, registry);
        deserializer.configure(config, registry);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
