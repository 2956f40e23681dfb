package org.kleline.ledger.projector.serde;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The projector's own binary format for what only it reads: its state stores, their changelogs and
 * its internal repartition topics (the public topics use ledger-model's registry serde). One leading
 * format-version byte, then the fields in a fixed order written by hand ({@link BinaryWriter}), or for a
 * flat record in its schema's order ({@link FlatRecordSerde}).
 * Version 1 was Avro binary (earlier builds); version {@value #FORMAT_VERSION} is this format. A
 * value of any other version is refused with the version named, so a change of format is detected
 * rather than misread. Stateless, so thread-safe (stores are read by queries too).
 */
public abstract class CompactSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    public static final byte FORMAT_VERSION = 2;

    private final String typeName;
    private final int initialBytes;

    protected CompactSerde(String typeName, int initialBytes) {
        this.typeName = typeName;
        this.initialBytes = initialBytes;
    }

    protected abstract void write(T value, BinaryWriter out);

    protected abstract T read(BinaryReader in);

    public final byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        BinaryWriter out = new BinaryWriter(initialBytes);
        out.writeByte(FORMAT_VERSION);
        try {
            write(value, out);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot write " + typeName + ": " + e.getMessage() + ": " + value, e);
        }
        return out.toByteArray();
    }

    public final T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0 || bytes[0] != FORMAT_VERSION) {
            throw new SerializationException("cannot read " + typeName + ": format version "
                    + (bytes.length == 0 ? "missing (empty value)" : Byte.toString(bytes[0]))
                    + ", this build reads only version " + FORMAT_VERSION
                    + (bytes.length > 0 && bytes[0] == 1
                            ? " (1 is the Avro format of earlier builds: delete the"
                                    + " local state and the application's internal topics, then replay)"
                            : ""));
        }
        try {
            BinaryReader in = new BinaryReader(bytes, 1);
            T value = read(in);
            in.expectEnd();
            return value;
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "cannot read " + typeName + " from " + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }

    @Override
    public final byte[] serialize(String topic, T value) {
        return toBytes(value);
    }

    @Override
    public final T deserialize(String topic, byte[] bytes) {
        return fromBytes(bytes);
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public final void close() {}
}
