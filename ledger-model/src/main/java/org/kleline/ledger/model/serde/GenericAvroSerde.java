package org.kleline.ledger.model.serde;

import org.apache.avro.generic.GenericRecord;

/** {@link GenericAvroSerializer} and {@link GenericAvroDeserializer} together. */
public final class GenericAvroSerde extends RegistrySerde<GenericRecord> {

    public GenericAvroSerde() {
        super(new GenericAvroSerializer(), new GenericAvroDeserializer());
    }

    public GenericAvroSerde(SchemaRegistryClient registry) {
        super(new GenericAvroSerializer(registry), new GenericAvroDeserializer(registry));
    }
}
