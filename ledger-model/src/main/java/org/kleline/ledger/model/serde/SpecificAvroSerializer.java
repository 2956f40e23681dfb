package org.kleline.ledger.model.serde;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

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
public final class SpecificAvroSerializer<T extends SpecificRecord> extends RegistrySerializer<T> {

    /** A serializer whose registry client is built by {@link #configure} from {@code schema.registry.url}. */
    public SpecificAvroSerializer() {
        super(null, SpecificAvroSerializer::datumWriter);
    }

    /** A serializer using a shared client; {@link #configure} still reads the other keys. */
    public SpecificAvroSerializer(SchemaRegistryClient registry) {
        super(Objects.requireNonNull(registry, "registry"), SpecificAvroSerializer::datumWriter);
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
        return wire().serialize(topic, data.getClass(), data.getSchema(), data);
    }

    private static DatumWriter<Object> datumWriter(Object recordClass, Schema schema) {
        // The class's own model carries its logical type conversions (Instant, LocalDate).
        return new SpecificDatumWriter<>(schema, SpecificData.getForClass((Class<?>) recordClass));
    }
}
