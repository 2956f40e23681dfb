package org.kleline.ledger.projector.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro binary with a one-byte format version and no schema registry, for what only the projector
 * reads: its state stores, their changelogs and its internal repartition topics. The public topics
 * use the registry serde of ledger-model instead. Thread-safe (stores are read by queries too).
 */
public final class InternalAvroSerde<T extends SpecificRecord> implements Serde<T> {

    static final byte FORMAT_V1 = 1;
    private static final int INITIAL_BUFFER_BYTES = 128;

    private final Class<T> type;
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;

    private InternalAvroSerde(Class<T> type, Schema schema) {
        this.type = type;
        SpecificData data = new LedgerClassesData(type.getClassLoader());
        this.writer = new SpecificDatumWriter<>(schema, data);
        this.reader = new SpecificDatumReader<>(schema, schema, data);
    }

    public static <T extends SpecificRecord> InternalAvroSerde<T> of(Class<T> type) {
        try {
            Schema schema = (Schema) type.getField("SCHEMA$").get(null);
            return new InternalAvroSerde<>(type, schema);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not a generated Avro record class: " + type.getName(), e);
        }
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
        out.write(FORMAT_V1);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + ": " + value, e);
        }
        return out.toByteArray();
    }

    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
            throw new SerializationException("cannot read " + type.getSimpleName() + ": format byte "
                    + (bytes.length == 0 ? "missing" : Byte.toString(bytes[0])) + ", expected " + FORMAT_V1);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from " + bytes.length + " bytes", e);
        }
    }

    /**
     * Avro 1.12 loads a class named by a schema only when a global predicate trusts it, and trusts
     * none of ours by default. These schemas are the projector's own, compiled in: their classes
     * are loaded directly, only below {@value #TRUSTED_PREFIX}; anything else goes through Avro's check.
     */
    private static final class LedgerClassesData extends SpecificData {
        static final String TRUSTED_PREFIX = "org.kleline.ledger.";

        LedgerClassesData(ClassLoader loader) {
            super(loader);
        }

        @Override
        public Class getClass(Schema schema) {
            Schema.Type kind = schema.getType();
            if ((kind == Schema.Type.RECORD || kind == Schema.Type.ENUM) && schema.getFullName().startsWith(TRUSTED_PREFIX)) {
                try {
                    return Class.forName(schema.getFullName(), false, getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("no generated class for schema " + schema.getFullName(), e);
                }
            }
            return super.getClass(schema);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }
}
