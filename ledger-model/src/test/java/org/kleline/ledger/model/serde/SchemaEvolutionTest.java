package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.RejectionReason;

class SchemaEvolutionTest {

    private static final String SCOPE = "schema-evolution";
    private static final String URL = "mock://" + SCOPE;

    private InMemorySchemaRegistry registry;

    @BeforeEach
    void freshRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
        registry = InMemorySchemaRegistry.forScope(SCOPE);
    }

    @Test
    void eventWrittenWithAnOlderVersionIsReadIntoTheCurrentClassWithDefaults() throws IOException {
        Schema v1 = schema("EventEnvelope-v1.avsc");
        GenericRecord walletOpened = new GenericData.Record(
                v1.getField("payload").schema().getTypes().get(0));
        walletOpened.put("walletId", "w-1");
        walletOpened.put("currency", "EUR");
        GenericRecord oldEvent = new GenericData.Record(v1);
        oldEvent.put("eventId", "e-old");
        oldEvent.put("occurredAt", SampleRecords.OCCURRED_AT.toEpochMilli());
        oldEvent.put("payload", walletOpened);
        byte[] oldBytes = genericSerializer(Map.of()).serialize("ledger.events", oldEvent);

        EventEnvelope read =
                specificSerde(EventEnvelope.class, Map.of()).deserializer().deserialize("ledger.events", oldBytes);

        assertThat(read.getEventId()).isEqualTo("e-old");
        assertThat(read.getOccurredAt()).isEqualTo(SampleRecords.OCCURRED_AT);
        assertThat(read.getPayload())
                .isEqualTo(WalletOpened.newBuilder()
                        .setWalletId("w-1")
                        .setCurrency("EUR")
                        .setMaxBalance(15000)
                        .build());
    }

    @Test
    void currentVersionRegistersAfterTheOlderOneAsVersionTwo() throws IOException {
        registry.register("ledger.events-value", schema("EventEnvelope-v1.avsc"));

        specificSerde(EventEnvelope.class, Map.of())
                .serializer()
                .serialize("ledger.events", SampleRecords.micropaymentEnvelope());

        RegisteredSchema latest = registry.latestVersion("ledger.events-value");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(2);
        assertThat(latest.schema()).isEqualTo(EventEnvelope.SCHEMA$);
    }

    @Test
    void rejectionReasonAddedLaterIsReadAsUnspecified() throws IOException {
        Schema next = schema("EventOutcome-next.avsc");
        GenericRecord outcome = new GenericData.Record(next);
        outcome.put("eventId", "e-9");
        outcome.put("key", "wallet:w-1");
        outcome.put(
                "eventType",
                new GenericData.EnumSymbol(next.getField("eventType").schema(), "MicropaymentRequested"));
        outcome.put("occurredAt", SampleRecords.OCCURRED_AT.toEpochMilli());
        outcome.put(
                "outcome", new GenericData.EnumSymbol(next.getField("outcome").schema(), "REJECTED"));
        outcome.put(
                "reason",
                new GenericData.EnumSymbol(
                        next.getField("reason").schema().getTypes().get(1), "VELOCITY_LIMIT"));
        outcome.put("postings", List.of());
        byte[] bytes = genericSerializer(Map.of()).serialize("ledger.outcomes", outcome);

        EventOutcome read =
                specificSerde(EventOutcome.class, Map.of()).deserializer().deserialize("ledger.outcomes", bytes);

        assertThat(read.getReason()).isEqualTo(RejectionReason.UNSPECIFIED);
        assertThat(read.getEventId()).isEqualTo("e-9");
    }

    @Test
    void useLatestVersionWritesWithTheLatestIdWhenItEncodesAlike() {
        Schema withoutDocs = new Schema.Parser().parse(SchemaNormalization.toParsingForm(FeePlan.SCHEMA$));
        int latestId = registry.register("fee-plans-value", withoutDocs);
        SpecificAvroSerde<FeePlan> serde = specificSerde(
                FeePlan.class,
                Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        byte[] bytes = serde.serializer().serialize("fee-plans", SampleRecords.feePlan());

        assertThat(WireFormat.schemaId(bytes, 0)).isEqualTo(latestId);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length))
                .containsExactly(0xac, 0x02, 0x32, 0xe8, 0x07, 0x02, 0xb8, 0x17, 0xa0, 0x1f);
        assertThat(registry.latestVersion("fee-plans-value").version()).isEqualTo(1);
        assertThat(serde.deserializer().deserialize("fee-plans", bytes)).isEqualTo(SampleRecords.feePlan());
    }

    @Test
    void useLatestVersionWritesARecordInTheLatestSchemasFieldOrderWithItsDefaults() throws IOException {
        Schema v2 = schema("FeePlan-v2.avsc");
        registry.register("fee-plans-value", FeePlan.SCHEMA$);
        int v2Id = registry.register("fee-plans-value", v2);
        SpecificAvroSerde<FeePlan> serde =
                specificSerde(FeePlan.class, Map.of(AvroSerdeConfig.USE_LATEST_VERSION, "true"));

        byte[] bytes = serde.serializer().serialize("fee-plans", SampleRecords.feePlan());

        assertThat(WireFormat.schemaId(bytes, 0)).isEqualTo(v2Id);
        GenericRecord asV2 = new GenericDatumReader<GenericRecord>(v2)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(asV2.get("currency")).hasToString("EUR");
        assertThat(asV2.get("partnerShareBps")).isEqualTo(2000);
        assertThat(asV2.get("chargebackFee")).isEqualTo(1500L);
        assertThat(asV2.get("cardBps")).isEqualTo(150);
        assertThat(asV2.get("cardFixed")).isEqualTo(25L);
        assertThat(asV2.get("microBps")).isEqualTo(500);
        assertThat(asV2.get("microFixed")).isEqualTo(1L);
        assertThat(serde.deserializer().deserialize("fee-plans", bytes)).isEqualTo(SampleRecords.feePlan());
        assertThat(registry.latestVersion("fee-plans-value").version()).isEqualTo(2);
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotHoldTheRecord() throws IOException {
        registry.register("regional-fee-plans-value", schema("FeePlan-required-region.avsc"));
        SpecificAvroSerde<FeePlan> serde = latestVersionFeePlanSerde();

        assertFeePlanRefused(serde, "regional-fee-plans")
                .hasMessageContaining("latest schema of subject regional-fee-plans-value (version 1, id 1)")
                .hasMessageContaining("region");
    }

    @Test
    void useLatestVersionWithoutAnySubjectVersionSaysWhichSubject() {
        SpecificAvroSerde<FeePlan> serde = latestVersionFeePlanSerde();

        assertFeePlanRefused(serde, "fee-plans")
                .hasMessageContaining(
                        "Could not find the latest schema of subject fee-plans-value for topic 'fee-plans'")
                .hasMessageContaining("40401");
    }

    @Test
    void useLatestVersionTogetherWithAutoRegisterIsAContradiction() {
        assertThatThrownBy(() -> specificSerde(
                        FeePlan.class,
                        Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas=false");
    }

    @Test
    void withoutAutoRegisterTheSchemaMustBeRegisteredAlready() {
        SpecificAvroSerde<FeePlan> serde =
                specificSerde(FeePlan.class, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        assertFeePlanRefused(serde, "fee-plans")
                .hasMessageContaining("Could not find org.kleline.ledger.events.FeePlan (auto.register.schemas=false) "
                        + "under subject fee-plans-value")
                .hasMessageContaining("40401");
    }

    @Test
    void withoutAutoRegisterTheRegisteredIdIsLookedUp() {
        registry.register("other-value", SampleRecords.micropayment().getSchema());
        int id = registry.register("fee-plans-value", FeePlan.SCHEMA$);
        SpecificAvroSerde<FeePlan> serde =
                specificSerde(FeePlan.class, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        byte[] bytes = serde.serializer().serialize("fee-plans", SampleRecords.feePlan());

        assertThat(id).isEqualTo(2);
        assertThat(WireFormat.schemaId(bytes, 0)).isEqualTo(2);
    }

    private static Schema schema(String resource) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/" + resource)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static GenericAvroSerializer genericSerializer(Map<String, ?> extra) {
        GenericAvroSerializer serializer = new GenericAvroSerializer();
        serializer.configure(config(extra), false);
        return serializer;
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> specificSerde(Class<T> type, Map<String, ?> extra) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config(extra), false);
        return serde;
    }

    private static Map<String, Object> config(Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL);
        return config;
    }

    /** A fee plan serde that writes with the subject's latest schema ({@code use.latest.version}). */
    private static SpecificAvroSerde<FeePlan> latestVersionFeePlanSerde() {
        return specificSerde(FeePlan.class, Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true));
    }

    /** Serializing the sample fee plan to {@code topic} is refused with a SerializationException: its assertion. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertFeePlanRefused(
            SpecificAvroSerde<FeePlan> serde, String topic) {
        return assertThatThrownBy(() -> serde.serializer().serialize(topic, SampleRecords.feePlan()))
                .isInstanceOf(SerializationException.class);
    }
}
