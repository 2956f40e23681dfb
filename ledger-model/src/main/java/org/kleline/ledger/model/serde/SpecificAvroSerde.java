package org.kleline.ledger.model.serde;

import org.apache.avro.specific.SpecificRecord;

/**
 * {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} together, for Kafka Streams.
 * Configure it (or take it from {@link AvroSerdes} or {@link org.kleline.ledger.model.topics.Topics},
 * which do) before use.
 *
 * @param <T> the generated record class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends RegistrySerde<T> {

    /** For {@code default.value.serde} and other class-name configuration: type from the writer's schema name. */
    public SpecificAvroSerde() {
        super(new SpecificAvroSerializer<>(), new SpecificAvroDeserializer<>());
    }

    /** A serde of {@code type}, its client built by {@link #configure}. */
    public SpecificAvroSerde(Class<T> type) {
        super(new SpecificAvroSerializer<>(), new SpecificAvroDeserializer<>(type));
    }

    /** A serde of {@code type} using a shared client. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry) {
        super(new SpecificAvroSerializer<>(registry), new SpecificAvroDeserializer<>(type, registry));
    }
}
