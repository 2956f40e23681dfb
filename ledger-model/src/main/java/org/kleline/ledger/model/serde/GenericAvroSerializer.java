package org.kleline.ledger.model.serde;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;

/**
 * Serializes {@link GenericRecord}s in the Confluent wire format, with each record's own schema:
 * for tools, replays and tests that write a schema no generated class has (an older version, a
 * foreign producer's). Logical types are raw (timestamp-millis is a long). Same configuration and
 * caching as {@link SpecificAvroSerializer}, the cache keyed by schema.
 */
public final class GenericAvroSerializer extends RegistrySerializer<GenericRecord> {

    public GenericAvroSerializer() {
        super(null, GenericAvroSerializer::datumWriter);
    }

    public GenericAvroSerializer(SchemaRegistryClient registry) {
        super(Objects.requireNonNull(registry, "registry"), GenericAvroSerializer::datumWriter);
    }

    @Override
    public byte[] serialize(String topic, GenericRecord data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        return wire().serialize(topic, schema, schema, data);
    }

    private static DatumWriter<Object> datumWriter(Object schemaKey, Schema schema) {
        return new GenericDatumWriter<>(schema, GenericData.get());
    }
}
