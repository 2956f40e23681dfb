package org.kleline.ledger.embedded.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.registry.RegistryTestAccess;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.SampleRecords;
import org.kleline.ledger.model.serde.SpecificAvroDeserializer;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/**
 * Our serde against code nobody here wrote: bytes our serializer put on a topic decoded by plain
 * Avro with the schema fetched over plain HTTP, and bytes plain Avro encoded behind a header
 * written by hand read by our deserializer. One broker and registry for the class; each test has
 * topics and subjects of its own.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PlainAvroInteropIT {

    private static final String EVENTS = "org.kleline.ledger.events.";

    private final EmbeddedLedgerInfrastructure infrastructure;
    private final Topics topics;
    private final RegistryTestAccess registry;

    PlainAvroInteropIT(EmbeddedLedgerInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.topics = Topics.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()));
        this.registry = new RegistryTestAccess(infrastructure.schemaRegistryUrl());
    }

    @Test
    void anEnvelopeOurSerializerWroteDecodesWithPlainAvroAndTheSchemaFetchedOverHttp() {
        byte[] payload = writeWithOurSerializer(
                "plain.events", topics.events().valueSerde().serializer(), SampleRecords.micropaymentEnvelope());

        GenericRecord envelope = decodeWithPlainAvro(payload);

        assertThat(envelope.getSchema().getFullName()).isEqualTo(EVENTS + "EventEnvelope");
        assertThat(envelope.get("eventId")).hasToString("3f1c1e4c-8b4e-4e5b-9d7a-1b2c3d4e5f60");
        assertThat(envelope.get("occurredAt")).isEqualTo(SampleRecords.OCCURRED_AT_MILLIS);
        GenericRecord micropayment = (GenericRecord) envelope.get("payload");
        assertThat(micropayment.getSchema().getFullName()).isEqualTo(EVENTS + "MicropaymentRequested");
        assertThat(micropayment.get("walletId")).hasToString("w-1");
        assertThat(micropayment.get("merchantId")).hasToString("m-7");
        assertThat(micropayment.get("amount")).isEqualTo(250L);
    }

    @Test
    void anOutcomeOurSerializerWroteDecodesWithItsEnumsNullReasonAndPostings() {
        byte[] payload = writeWithOurSerializer(
                "plain.outcomes", topics.outcomes().valueSerde().serializer(), SampleRecords.acceptedOutcome());

        GenericRecord outcome = decodeWithPlainAvro(payload);

        assertThat(outcome.get("eventId")).hasToString("e-1");
        assertThat(outcome.get("key")).hasToString("wallet:w-1");
        assertThat(outcome.get("eventType")).hasToString("MicropaymentRequested");
        assertThat(outcome.get("outcome")).hasToString("ACCEPTED");
        assertThat(outcome.get("reason")).isNull();
        List<String> postings = new ArrayList<>();
        for (Object posting : (GenericData.Array<?>) outcome.get("postings")) {
            GenericRecord line = (GenericRecord) posting;
            postings.add(line.get("account") + " " + line.get("currency") + " " + line.get("amount"));
        }
        assertThat(postings)
                .containsExactly(
                        "wallet:w-1 EUR -250", "merchant:m-7 EUR 237", "platform:fees EUR 11", "partner:p-1 EUR 2");
    }

    @Test
    void aSettlementRowOurSerializerWroteDecodesWithItsDateAsDaysSinceTheEpoch() {
        byte[] payload = writeWithOurSerializer(
                "plain.settlements", topics.settlements().valueSerde().serializer(), SampleRecords.settlementRow());

        GenericRecord row = decodeWithPlainAvro(payload);

        assertThat(row.get("merchantId")).hasToString("m-7");
        assertThat(row.get("businessDate")).isEqualTo(SampleRecords.BUSINESS_DATE_EPOCH_DAY);
        assertThat(row.get("currency")).hasToString("EUR");
        assertThat(List.of(
                        row.get("count"),
                        row.get("gross"),
                        row.get("refunds"),
                        row.get("chargebacks"),
                        row.get("fees"),
                        row.get("commission"),
                        row.get("net"),
                        row.get("paidOut")))
                .containsExactly(3L, 18_250L, 3_000L, 0L, 412L, 82L, 14_838L, 14_838L);
        assertThat(row.get("payouts")).isEqualTo(1);
        assertThat(row.get("status")).hasToString("PAID");
    }

    @Test
    void anEnvelopePlainAvroEncodedBehindAHandWrittenHeaderIsReadByOurDeserializer() {
        String topic = "foreign.events";
        Schema schema = new Schema.Parser().parse(EventEnvelope.getClassSchema().toString());
        int id = registry.register(topic + "-value", schema.toString());
        GenericRecord envelope = foreignMicropaymentEnvelope(schema, "e-foreign-1");

        List<EventEnvelope> read = writeByHandAndReadWithOurDeserializer(topic, id, schema, envelope);

        assertThat(read).containsExactly(SampleRecords.envelope("e-foreign-1", SampleRecords.micropayment()));
        assertThat(read.get(0).getOccurredAt()).isEqualTo(SampleRecords.OCCURRED_AT);
    }

    @Test
    void aForeignWriterWithoutDocsOrLogicalTypesIsReadIntoOurClasses() {
        String topic = "foreign.canonical.events";
        // The Parsing Canonical Form: what a writer that knows only Avro's core types would hold.
        Schema schema = new Schema.Parser().parse(SchemaNormalization.toParsingForm(EventEnvelope.getClassSchema()));
        int id = registry.register(topic + "-value", schema.toString());
        GenericRecord envelope = foreignMicropaymentEnvelope(schema, "e-foreign-2");

        List<EventEnvelope> read = writeByHandAndReadWithOurDeserializer(topic, id, schema, envelope);

        assertThat(schema.getField("occurredAt").schema().getLogicalType()).isNull();
        assertThat(registry.schemaById(id)).doesNotContain("\"logicalType\"").doesNotContain("\"doc\"");
        assertThat(read).containsExactly(SampleRecords.envelope("e-foreign-2", SampleRecords.micropayment()));
    }

    @Test
    void aForeignOutcomeWithoutTheOptionalReasonIsReadWithTheReasonsDefault() {
        String topic = "foreign.outcomes";
        Schema full = EventOutcome.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : full.getFields()) {
            if (!field.name().equals("reason")) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        Schema older = Schema.createRecord(full.getName(), null, full.getNamespace(), false, fields);
        int id = registry.register(topic + "-value", older.toString());
        Schema eventType = older.getField("eventType").schema();
        Schema outcome = older.getField("outcome").schema();
        GenericRecord duplicate = new GenericRecordBuilder(older)
                .set("eventId", "e-7")
                .set("key", "payment:pay-9")
                .set("eventType", new GenericData.EnumSymbol(eventType, "CardPaymentCaptured"))
                .set("occurredAt", SampleRecords.OCCURRED_AT_MILLIS)
                .set("outcome", new GenericData.EnumSymbol(outcome, "DUPLICATE"))
                .set(
                        "postings",
                        new GenericData.Array<>(older.getField("postings").schema(), List.of()))
                .build();

        byte[] payload = ConfluentWireBytes.withHeader(id, encodeWithPlainAvro(older, duplicate));
        SpecificAvroDeserializer<EventOutcome> ours = ourDeserializer(EventOutcome.class);
        EventOutcome read = ours.deserialize(topic, payload);

        assertThat(read.getEventId()).isEqualTo("e-7");
        assertThat(read.getOutcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(read.getReason()).isNull();
        assertThat(read.getPostings()).isEmpty();
        assertThat(read.getOccurredAt()).isEqualTo(SampleRecords.OCCURRED_AT);
    }

    private <V> byte[] writeWithOurSerializer(String topic, Serializer<V> serializer, V value) {
        TopicClients.createTopics(infrastructure.bootstrapServers(), List.of(topic));
        TopicClients.produceCommitted(
                infrastructure.bootstrapServers(), topic, "tx-" + topic, serializer, List.of(Map.entry("k-1", value)));
        List<byte[]> payloads = TopicClients.readAllCommittedValues(
                infrastructure.bootstrapServers(), topic, new ByteArrayDeserializer());
        assertThat(payloads).hasSize(1);
        return payloads.get(0);
    }

    /** What a consumer knowing only the wire format, HTTP and Avro does. */
    private GenericRecord decodeWithPlainAvro(byte[] payload) {
        assertThat(ConfluentWireBytes.magicByte(payload)).isZero();
        int id = ConfluentWireBytes.schemaId(payload);
        Schema writer = new Schema.Parser().parse(registry.schemaById(id));
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(
                        payload,
                        ConfluentWireBytes.HEADER_BYTES,
                        payload.length - ConfluentWireBytes.HEADER_BYTES,
                        null);
        try {
            GenericRecord record = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
            assertThat(decoder.isEnd()).as("every byte of the datum is read").isTrue();
            return record;
        } catch (IOException e) {
            throw new AssertionError("plain Avro could not decode schema id " + id + ": " + e, e);
        }
    }

    private static GenericRecord foreignMicropaymentEnvelope(Schema envelopeSchema, String eventId) {
        Schema payloads = envelopeSchema.getField("payload").schema();
        Schema micropayment = payloads.getTypes().get(payloads.getIndexNamed(EVENTS + "MicropaymentRequested"));
        GenericRecord payload = new GenericRecordBuilder(micropayment)
                .set("walletId", "w-1")
                .set("merchantId", "m-7")
                .set("amount", 250L)
                .build();
        GenericRecordBuilder builder = new GenericRecordBuilder(envelopeSchema)
                .set("eventId", eventId)
                .set("occurredAt", SampleRecords.OCCURRED_AT_MILLIS)
                .set("payload", payload);
        // The Parsing Canonical Form keeps no defaults: a writer of it sets the optional fields itself.
        for (Schema.Field field : envelopeSchema.getFields()) {
            if (!builder.has(field.name())) {
                builder.set(field, null);
            }
        }
        return builder.build();
    }

    private List<EventEnvelope> writeByHandAndReadWithOurDeserializer(
            String topic, int schemaId, Schema schema, GenericRecord envelope) {
        byte[] payload = ConfluentWireBytes.withHeader(schemaId, encodeWithPlainAvro(schema, envelope));
        TopicClients.createTopics(infrastructure.bootstrapServers(), List.of(topic));
        TopicClients.produceCommitted(
                infrastructure.bootstrapServers(),
                topic,
                "tx-" + topic,
                new ByteArraySerializer(),
                List.of(Map.entry("wallet:w-1", payload)));
        return TopicClients.readAllCommittedValues(
                infrastructure.bootstrapServers(), topic, ourDeserializer(EventEnvelope.class));
    }

    private <T extends SpecificRecord> SpecificAvroDeserializer<T> ourDeserializer(Class<T> type) {
        SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>(type);
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()), false);
        return deserializer;
    }

    private static byte[] encodeWithPlainAvro(Schema schema, GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new AssertionError("plain Avro could not encode " + record + ": " + e, e);
        }
        return out.toByteArray();
    }
}
