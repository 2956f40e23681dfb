package org.kleline.ledger.model.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** An Avro serializer and deserializer together, configured with one registry client. */
abstract class RegistrySerde<T> implements Serde<T> {

    private final RegistrySerializer<T> serializer;
    private final RegistryDeserializer<T> deserializer;

    /** Two halves given the same shared client, or neither one: then {@link #configure} builds one for both. */
    RegistrySerde(RegistrySerializer<T> serializer, RegistryDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** Configures both halves with one registry client, so what one registers the other knows. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        SchemaRegistryClient registry = RegistryBinding.resolve(serializer.injectedRegistry(), config);
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
