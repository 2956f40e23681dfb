package org.kleline.ledger.model.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes generated Avro records in the Confluent wire format under subject
 * {@code <topic>-value} (or {@code -key}). The schema id is found once per (topic, class) by
 * registering ({@code auto.register.schemas}, the default), looking up, or taking the subject's
 * latest version ({@code use.latest.version}); after that a record costs one Avro encoding, and
 * a version registered later is seen by the next instance (or process), not this one.
 * Thread-safe. A null record is written as null (a tombstone).
 *
 * @param <T> the generated record class, or {@link SpecificRecord} for several
 */
public final class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final SchemaRegistryClient injectedRegistry;
    private volatile WireWriter wire;

    /** A serializer whose registry client is built by {@link #configure} from {@code schema.registry.url}. */
    public SpecificAvroSerializer() {
        this.injectedRegistry = null;
    }

    /** A serializer using a shared client; {@link #configure} still reads the other keys. */
    public SpecificAvroSerializer(SchemaRegistryClient registry) {
        this.injectedRegistry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        configure(config, isKey, RegistryBinding.resolve(injectedRegistry, config));
    }

    void configure(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient registry) {
        wire = new WireWriter(registry, config, isKey, SpecificAvroSerializer::datumWriter);
    }

    /**
     * @throws SerializationException naming the topic, subject and schema when the registry refuses
     *     the schema or the record does not fit it (e.g. a null in a non-null field)
     */
    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        return RegistryBinding.requireConfigured(wire, getClass())
                .serialize(topic, data.getClass(), data.getSchema(), data);
    }

    private static DatumWriter<Object> datumWriter(Object recordClass, Schema schema) {
        // The class's own model carries its logical type conversions (Instant, LocalDate).
        return new SpecificDatumWriter<>(schema, SpecificData.getForClass((Class<?>) recordClass));
    }
}
