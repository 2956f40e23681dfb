package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;

class DeserializerErrorsTest {

    private static final String SCOPE = "deserializer-errors";
    private static final Map<String, String> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    private SpecificAvroSerde<EventEnvelope> serde;

    @BeforeEach
    void freshSerde() {
        InMemorySchemaRegistry.dropScope(SCOPE);
        serde = new SpecificAvroSerde<>(EventEnvelope.class);
        serde.configure(CONFIG, false);
    }

    @Test
    void wrongMagicByteIsRefusedNamingTheByteTopicAndSize() {
        byte[] bytes = serde.serializer().serialize("ledger.events", SampleRecords.micropaymentEnvelope());
        bytes[0] = 7;

        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 7")
                .hasMessageContaining("payload of " + bytes.length + " bytes")
                .hasMessageContaining("topic 'ledger.events'");
    }

    @Test
    void jsonTextIsRefusedByItsFirstByte() {
        byte[] json = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 123");
    }

    @Test
    void payloadShorterThanTheHeaderIsRefused() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Payload of 3 bytes from topic 'ledger.events' is too short")
                .hasMessageContaining("5 bytes at least");
    }

    @Test
    void emptyPayloadIsRefusedAsTooShort() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Payload of 0 bytes");
    }

    @Test
    void payloadLargerThanTheLimitIsRefusedBeforeAnyDecoding() {
        byte[] huge = new byte[WireFormat.PAYLOAD_BYTES_MAX + 1];

        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", huge))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(
                        "Payload of 16777217 bytes from topic 'ledger.events' is larger than the 16777216 bytes");
    }

    @Test
    void unknownSchemaIdIsRefusedNamingTheId() {
        byte[] bytes = {0, 0, 0, 0x10, (byte) 0x92, 2, 4};

        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 4242")
                .hasMessageContaining("payload of 7 bytes from topic 'ledger.events'")
                .hasRootCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void truncatedBodyIsRefusedNamingTheSchemaId() {
        byte[] bytes = serde.serializer().serialize("ledger.events", SampleRecords.micropaymentEnvelope());
        byte[] truncated = Arrays.copyOf(bytes, 20);

        assertThatThrownBy(() -> serde.deserializer().deserialize("ledger.events", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Could not decode a payload of 20 bytes from topic 'ledger.events'")
                .hasMessageContaining("schema id 1 (org.kleline.ledger.events.EventEnvelope)");
    }

    @Test
    void writerSchemaTheClassCannotReadIsRefusedNamingBoth() {
        byte[] bytes = serializedWithOneIntField("other-topic", "EventEnvelope", "eventId", 42);

        assertThatThrownBy(() -> serde.deserializer().deserialize("other-topic", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot read schema id 1 (org.kleline.ledger.events.EventEnvelope)")
                .hasMessageContaining("cannot be read as org.kleline.ledger.events.EventEnvelope")
                .hasMessageContaining("occurredAt");
    }

    @Test
    void deserializerWithoutATypeRefusesASchemaNoClassHas() {
        byte[] bytes = serializedWithOneIntField("unheard", "Unheard", "n", 1);
        SpecificAvroDeserializer<EventEnvelope> byName = new SpecificAvroDeserializer<>();
        byName.configure(CONFIG, false);

        assertThatThrownBy(() -> byName.deserialize("unheard", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no generated Avro class named org.kleline.ledger.events.Unheard");
    }

    @Test
    void serdeUsedBeforeConfigureSaysSo() {
        SpecificAvroSerde<EventEnvelope> unconfigured = new SpecificAvroSerde<>(EventEnvelope.class);

        assertThatThrownBy(() ->
                        unconfigured.serializer().serialize("ledger.events", SampleRecords.micropaymentEnvelope()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SpecificAvroSerializer is not configured");
        assertThatThrownBy(() -> unconfigured.deserializer().deserialize("ledger.events", new byte[5]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SpecificAvroDeserializer is not configured");
    }

    @Test
    void specificDeserializerRefusesGenericReaderConfiguration() {
        SpecificAvroDeserializer<EventEnvelope> deserializer = new SpecificAvroDeserializer<>(EventEnvelope.class);

        assertThatThrownBy(() -> deserializer.configure(
                        Map.of(
                                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                                "mock://" + SCOPE,
                                AvroSerdeConfig.SPECIFIC_AVRO_READER,
                                "false"),
                        false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specific.avro.reader")
                .hasMessageContaining("GenericAvroDeserializer");
    }

    @Test
    void recordWithANullInARequiredFieldIsRefusedNamingTopicAndSchema() {
        EventEnvelope broken = SampleRecords.micropaymentEnvelope();
        broken.setEventId(null);

        assertThatThrownBy(() -> serde.serializer().serialize("ledger.events", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(
                        "Could not serialize a org.kleline.ledger.events.EventEnvelope for topic 'ledger.events'")
                .hasMessageContaining("eventId");
        assertThat(serde.serializer().serialize("ledger.events", SampleRecords.micropaymentEnvelope()))
                .isNotNull();
    }

    /**
     * A record of a schema no class of the ledger was generated from ({@code org.kleline.ledger.events.<name>} with one
     * int field), as the generic serializer writes it to {@code topic}.
     */
    private static byte[] serializedWithOneIntField(String topic, String name, String field, int value) {
        Schema schema = Schema.createRecord(
                name,
                null,
                "org.kleline.ledger.events",
                false,
                List.of(new Schema.Field(field, Schema.create(Schema.Type.INT))));
        GenericRecord record = new GenericData.Record(schema);
        record.put(field, value);
        GenericAvroSerializer generic = new GenericAvroSerializer();
        generic.configure(CONFIG, false);
        return generic.serialize(topic, record);
    }
}
