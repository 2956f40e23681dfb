package org.kleline.ledger.model.serde;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/**
 * Deserializes the Confluent wire format into {@link GenericRecord}s of the writer's own schema
 * (what Confluent's deserializer gives with {@code specific.avro.reader=false}): for tools that
 * inspect any record, the DLQ, and interoperability checks. Logical types are raw.
 */
public final class GenericAvroDeserializer extends RegistryDeserializer<GenericRecord> {

    private volatile WireReader wire;

    public GenericAvroDeserializer() {
        super(null);
    }

    public GenericAvroDeserializer(SchemaRegistryClient registry) {
        super(Objects.requireNonNull(registry, "registry"));
    }

    /** Reads the same keys as the specific deserializer; {@code specific.avro.reader} does not apply. */
    @Override
    void configure(AvroSerdeConfig config, SchemaRegistryClient registry) {
        wire = new WireReader(registry, config.cacheCapacity(), GenericAvroDeserializer::datumReader);
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return (GenericRecord)
                RegistryBinding.requireConfigured(wire, getClass()).deserialize(topic, data, 0, data.length);
    }

    private static DatumReader<Object> datumReader(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("it is a " + writer.getType() + " schema, not a record");
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
}
