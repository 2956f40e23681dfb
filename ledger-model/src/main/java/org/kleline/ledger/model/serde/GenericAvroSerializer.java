package org.kleline.ledger.model.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes {@link GenericRecord}s in the Confluent wire format, with each record's own schema:
 * for tools, replays and tests that write a schema no generated class has (an older version, a
 * foreign producer's). Logical types are raw (timestamp-millis is a long). Same configuration and
 * caching as {@link SpecificAvroSerializer}, the cache keyed by schema.
 */
public final class GenericAvroSerializer implements Serializer<GenericRecord> {

    private final SchemaRegistryClient injectedRegistry;
    private volatile WireWriter wire;

    public GenericAvroSerializer() {
        this.injectedRegistry = null;
    }

    public GenericAvroSerializer(SchemaRegistryClient registry) {
        this.injectedRegistry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        configure(config, isKey, RegistryBinding.resolve(injectedRegistry, config));
    }

    void configure(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient registry) {
        wire = new WireWriter(registry, config, isKey, GenericAvroSerializer::datumWriter);
    }

    @Override
    public byte[] serialize(String topic, GenericRecord data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        return RegistryBinding.requireConfigured(wire, getClass()).serialize(topic, schema, schema, data);
    }

    private static DatumWriter<Object> datumWriter(Object schemaKey, Schema schema) {
        return new GenericDatumWriter<>(schema, GenericData.get());
    }
}
