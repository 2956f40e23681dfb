package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

class SpecificAvroSerdeRoundTripTest {

    private static final String SCOPE = "round-trip";
    private static final Map<String, String> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @BeforeEach
    void freshRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    static Stream<Object> everyPayload() {
        return SampleRecords.everyPayload().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPayload")
    void everyPayloadKindComesBackEqual(Object payload) {
        EventEnvelope sent = SampleRecords.envelope("e-" + payload.getClass().getSimpleName(), payload);

        EventEnvelope received = roundTrip(EventEnvelope.class, "ledger.events", sent);

        assertThat(received).isEqualTo(sent);
        assertThat(received.getPayload()).isExactlyInstanceOf(payload.getClass());
        assertThat(received.getOccurredAt()).isEqualTo(SampleRecords.OCCURRED_AT);
    }

    @Test
    void logicalTypesComeBackAsJavaTimeValues() {
        MerchantPaidOut payout = (MerchantPaidOut) SampleRecords.everyPayload().get(10);

        EventEnvelope received =
                roundTrip(EventEnvelope.class, "ledger.events", SampleRecords.envelope("po-1", payout));

        assertThat(((MerchantPaidOut) received.getPayload()).getBusinessDate()).isEqualTo(SampleRecords.BUSINESS_DATE);
        assertThat(received.getOccurredAt().toEpochMilli()).isEqualTo(1_714_558_530_123L);
    }

    @Test
    void acceptedOutcomeWithPostingsComesBackEqual() {
        EventOutcome sent = SampleRecords.acceptedOutcome();

        EventOutcome received = roundTrip(EventOutcome.class, "ledger.outcomes", sent);

        assertThat(received).isEqualTo(sent);
        assertThat(received.getPostings()).extracting(p -> p.getAmount()).containsExactly(-250L, 237L, 11L, 2L);
        assertThat(received.getReason()).isNull();
    }

    @Test
    void rejectedOutcomeKeepsItsReason() {
        EventOutcome sent = SampleRecords.rejectedOutcome();

        assertThat(roundTrip(EventOutcome.class, "ledger.outcomes", sent)).isEqualTo(sent);
    }

    @Test
    void journalEntryComesBackEqual() {
        JournalEntry sent = SampleRecords.journalEntry();

        JournalEntry received = roundTrip(JournalEntry.class, "ledger.journal", sent);

        assertThat(received).isEqualTo(sent);
        assertThat(received.getBusinessDate()).isEqualTo(SampleRecords.BUSINESS_DATE);
    }

    @Test
    void settlementRowComesBackEqual() {
        SettlementRow sent = SampleRecords.settlementRow();

        assertThat(roundTrip(SettlementRow.class, "ledger.settlements", sent)).isEqualTo(sent);
    }

    @Test
    void valuesAreRegisteredUnderTopicValueAndKeysUnderTopicKey() {
        roundTrip(EventEnvelope.class, "ledger.events", SampleRecords.micropaymentEnvelope());
        SpecificAvroSerde<FeePlan> keySerde = new SpecificAvroSerde<>(FeePlan.class);
        keySerde.configure(CONFIG, true);
        byte[] keyBytes = keySerde.serializer().serialize("fee-plans", SampleRecords.feePlan());

        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(SCOPE);
        assertThat(registry.latestVersion("ledger.events-value").schema()).isEqualTo(EventEnvelope.SCHEMA$);
        assertThat(registry.latestVersion("ledger.events-value").version()).isEqualTo(1);
        assertThat(registry.latestVersion("fee-plans-key").schema()).isEqualTo(FeePlan.SCHEMA$);
        assertThat(keySerde.deserializer().deserialize("fee-plans", keyBytes)).isEqualTo(SampleRecords.feePlan());
    }

    @Test
    void nullRecordIsWrittenAsNullBytesForTombstones() {
        SpecificAvroSerde<EventEnvelope> serde = serde(EventEnvelope.class);

        assertThat(serde.serializer().serialize("ledger.events", null)).isNull();
        assertThat(serde.deserializer().deserialize("ledger.events", null)).isNull();
        assertThat(serde.deserializer().deserialize("ledger.events", null, (ByteBuffer) null))
                .isNull();
    }

    @Test
    void byteBufferIsReadFromItsPositionWithoutCopying() {
        SpecificAvroSerde<EventEnvelope> serde = serde(EventEnvelope.class);
        EventEnvelope sent = SampleRecords.micropaymentEnvelope();
        byte[] bytes = serde.serializer().serialize("ledger.events", sent);
        byte[] framed = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, framed, 7, bytes.length);
        ByteBuffer sliced = ByteBuffer.wrap(framed, 3, bytes.length + 4).slice();
        sliced.position(4).limit(4 + bytes.length);

        EventEnvelope received = serde.deserializer().deserialize("ledger.events", null, sliced);

        assertThat(received).isEqualTo(sent);
        assertThat(sliced.position()).isEqualTo(4);
    }

    @Test
    void directByteBufferIsReadToo() {
        SpecificAvroSerde<EventEnvelope> serde = serde(EventEnvelope.class);
        EventEnvelope sent = SampleRecords.micropaymentEnvelope();
        byte[] bytes = serde.serializer().serialize("ledger.events", sent);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        assertThat(serde.deserializer().deserialize("ledger.events", null, direct))
                .isEqualTo(sent);
        assertThat(direct.remaining()).isEqualTo(bytes.length);
    }

    @Test
    void deserializerWithoutATypeReadsIntoTheClassNamedByTheWritersSchema() {
        byte[] bytes =
                serde(SettlementRow.class).serializer().serialize("ledger.settlements", SampleRecords.settlementRow());
        SpecificAvroDeserializer<SpecificRecord> byName = new SpecificAvroDeserializer<>();
        byName.configure(CONFIG, false);

        assertThat(byName.deserialize("ledger.settlements", bytes))
                .isExactlyInstanceOf(SettlementRow.class)
                .isEqualTo(SampleRecords.settlementRow());
    }

    @Test
    void genericRecordsComeBackWithTheWritersSchema() {
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(CONFIG, false);
        GenericRecord posting = new GenericData.Record(Posting.SCHEMA$);
        posting.put("account", "wallet:w-1");
        posting.put("currency", "EUR");
        posting.put("amount", -250L);

        GenericRecord received =
                serde.deserializer().deserialize("postings", serde.serializer().serialize("postings", posting));

        assertThat(received.getSchema()).isEqualTo(Posting.SCHEMA$);
        assertThat(received.get("account")).hasToString("wallet:w-1");
        assertThat(received.get("amount")).isEqualTo(-250L);
    }

    private static <T extends SpecificRecord> T roundTrip(Class<T> type, String topic, T record) {
        SpecificAvroSerde<T> serde = serde(type);
        return serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, record));
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(CONFIG, false);
        return serde;
    }
}
