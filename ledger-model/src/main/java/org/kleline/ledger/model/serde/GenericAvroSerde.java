package org.kleline.ledger.model.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link GenericAvroSerializer} and {@link GenericAvroDeserializer} together. */
public final class GenericAvroSerde implements Serde<GenericRecord> {

    private final SchemaRegistryClient injectedRegistry;
    private final GenericAvroSerializer serializer;
    private final GenericAvroDeserializer deserializer;

    public GenericAvroSerde() {
        this.injectedRegistry = null;
        this.serializer = new GenericAvroSerializer();
        this.deserializer = new GenericAvroDeserializer();
    }

    public GenericAvroSerde(SchemaRegistryClient registry) {
        this.injectedRegistry = Objects.requireNonNull(registry, "registry");
        this.serializer = new GenericAvroSerializer(registry);
        this.deserializer = new GenericAvroDeserializer(registry);
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
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }
}
