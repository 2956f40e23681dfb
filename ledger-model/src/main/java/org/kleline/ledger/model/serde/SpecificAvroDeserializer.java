package org.kleline.ledger.model.serde;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * Deserializes the Confluent wire format into generated Avro records. The writer's schema comes
 * from the registry by the id in the payload (fetched once per id); the reader's is the generated
 * class's, and Avro's schema resolution bridges the two, so records written with an older
 * compatible version are read into the current class. Thread-safe. Null bytes give null.
 *
 * <p>Avro 1.12 reads only into classes it trusts: loading this class trusts the generated records
 * of {@code org.kleline.ledger.*}; generated classes of other packages need Avro's system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 *
 * @param <T> the generated record class
 */
public final class SpecificAvroDeserializer<T extends SpecificRecord> extends RegistryDeserializer<T> {

    static {
        TrustedGeneratedClasses.install();
    }

    private final Class<T> type;
    private volatile WireReader wire;

    /**
     * A deserializer that reads each payload into the generated class named like the writer's
     * schema (as Confluent's does), with a client built by {@link #configure}.
     */
    public SpecificAvroDeserializer() {
        super(null);
        this.type = null;
    }

    /** A deserializer into {@code type}, with a client built by {@link #configure}. */
    public SpecificAvroDeserializer(Class<T> type) {
        super(null);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A deserializer into {@code type} using a shared client. */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        super(Objects.requireNonNull(registry, "registry"));
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    void configure(AvroSerdeConfig config, SchemaRegistryClient registry) {
        RegistryBinding.requireSpecificReader(config, getClass());
        wire = new WireReader(registry, config.cacheCapacity(), this::datumReader);
    }

    /**
     * @throws SerializationException on a wrong magic byte, a payload shorter than the header, an
     *     unknown schema id, a writer schema the class cannot read, or undecodable bytes; the
     *     message names the byte or id, the topic and the payload's size
     */
    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return cast(RegistryBinding.requireConfigured(wire, getClass()).deserialize(topic, data, 0, data.length));
    }

    /** Reads straight from the consumer's buffer when it has an array, without copying. */
    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        WireReader reader = RegistryBinding.requireConfigured(wire, getClass());
        if (data.hasArray()) {
            return cast(
                    reader.deserialize(topic, data.array(), data.arrayOffset() + data.position(), data.remaining()));
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return cast(reader.deserialize(topic, copy, 0, copy.length));
    }

    @SuppressWarnings("unchecked")
    private T cast(Object record) {
        return (T) record;
    }

    private DatumReader<Object> datumReader(Schema writer) {
        Class<?> readerClass = type != null ? type : SpecificData.get().getClass(writer);
        if (readerClass == null || !SpecificRecord.class.isAssignableFrom(readerClass)) {
            throw new IllegalArgumentException(
                    "no generated Avro class named " + writer.getFullName() + " on the classpath");
        }
        Schema reader = SpecificData.get().getSchema(readerClass);
        Compatibility.problemsReading(writer, reader).ifPresent(problems -> {
            throw new IllegalArgumentException("it cannot be read as " + reader.getFullName() + ": " + problems);
        });
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(readerClass));
    }
}
