package org.kleline.ledger.model.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.InMemorySchemaRegistry;
import org.kleline.ledger.model.serde.SampleRecords;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.serde.SpecificAvroSerde;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

class TopicsTest {

    private static final String SCOPE = "topics";

    private Topics topics;

    @BeforeEach
    void freshTopics() {
        InMemorySchemaRegistry.dropScope(SCOPE);
        topics = Topics.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));
    }

    @Test
    void topicNamesAreTheLedgersContract() {
        assertThat(topics.all())
                .extracting(Topic::name)
                .containsExactly(
                        "ledger.events",
                        "ledger.events.dlq",
                        "ledger.outcomes",
                        "ledger.journal",
                        "ledger.settlements");
        assertThat(topics.events().name()).isEqualTo(Topics.EVENTS);
        assertThat(topics.eventsDlq().name()).isEqualTo(Topics.EVENTS_DLQ);
        assertThat(topics.outcomes().name()).isEqualTo(Topics.OUTCOMES);
        assertThat(topics.journal().name()).isEqualTo(Topics.JOURNAL);
        assertThat(topics.settlements().name()).isEqualTo(Topics.SETTLEMENTS);
    }

    @Test
    void eventsCarryAggregateKeysAndEnvelopes() {
        Topic<String, EventEnvelope> events = topics.events();
        EventEnvelope envelope = SampleRecords.micropaymentEnvelope();

        byte[] key = events.keySerde().serializer().serialize(events.name(), "wallet:w-1");
        byte[] value = events.valueSerde().serializer().serialize(events.name(), envelope);

        assertThat(key).asString().isEqualTo("wallet:w-1");
        assertThat(events.keySerde().deserializer().deserialize(events.name(), key))
                .isEqualTo("wallet:w-1");
        assertThat(events.valueSerde().deserializer().deserialize(events.name(), value))
                .isEqualTo(envelope);
    }

    @Test
    void outcomesJournalAndSettlementsRoundTripTheirRecords() {
        EventOutcome outcome = SampleRecords.acceptedOutcome();
        JournalEntry entry = SampleRecords.journalEntry();
        SettlementRow row = SampleRecords.settlementRow();
        String settlementKey = new SettlementKey("m-7", SampleRecords.BUSINESS_DATE, "EUR").format();

        assertThat(roundTripValue(topics.outcomes(), outcome)).isEqualTo(outcome);
        assertThat(roundTripValue(topics.journal(), entry)).isEqualTo(entry);
        assertThat(roundTripValue(topics.settlements(), row)).isEqualTo(row);
        assertThat(topics.settlements()
                        .keySerde()
                        .deserializer()
                        .deserialize(
                                Topics.SETTLEMENTS,
                                topics.settlements()
                                        .keySerde()
                                        .serializer()
                                        .serialize(Topics.SETTLEMENTS, settlementKey)))
                .isEqualTo("m-7|2024-05-01|EUR");
    }

    @Test
    void deadLettersKeepTheirBytesAsTheyWere() {
        byte[] unreadable = {7, 1, 2, 3};

        byte[] written = topics.eventsDlq().valueSerde().serializer().serialize(Topics.EVENTS_DLQ, unreadable);

        assertThat(topics.eventsDlq().valueSerde().deserializer().deserialize(Topics.EVENTS_DLQ, written))
                .containsExactly(7, 1, 2, 3);
        assertThat(topics.eventsDlq().keySerde().serializer().serialize(Topics.EVENTS_DLQ, null))
                .isNull();
    }

    @Test
    void avroValuesAreRegisteredUnderTopicValueSubjectsAndKeysAreNotAvro() {
        roundTripValue(topics.events(), SampleRecords.micropaymentEnvelope());
        roundTripValue(topics.outcomes(), SampleRecords.rejectedOutcome());
        roundTripValue(topics.journal(), SampleRecords.journalEntry());
        roundTripValue(topics.settlements(), SampleRecords.settlementRow());

        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(SCOPE);
        assertThat(registry.latestVersion("ledger.events-value").schema()).isEqualTo(EventEnvelope.SCHEMA$);
        assertThat(registry.latestVersion("ledger.outcomes-value").schema()).isEqualTo(EventOutcome.SCHEMA$);
        assertThat(registry.latestVersion("ledger.journal-value").schema()).isEqualTo(JournalEntry.SCHEMA$);
        assertThat(registry.latestVersion("ledger.settlements-value").schema()).isEqualTo(SettlementRow.SCHEMA$);
        assertThatThrownBy(() -> registry.latestVersion("ledger.events-key"))
                .isInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void serdesForStoresComeFromTheSameRegistry() {
        SpecificAvroSerde<FeePlan> feePlans = topics.serdes().valueSerde(FeePlan.class);

        byte[] bytes = feePlans.serializer().serialize("projector-fee-plans-changelog", SampleRecords.feePlan());

        assertThat(feePlans.deserializer().deserialize("projector-fee-plans-changelog", bytes))
                .isEqualTo(SampleRecords.feePlan());
        assertThat(topics.serdes().registry()).isSameAs(InMemorySchemaRegistry.forScope(SCOPE));
    }

    @Test
    void topicsWithoutARegistryUrlAreRefused() {
        assertThatThrownBy(() -> Topics.create(Map.of("bootstrap.servers", "localhost:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void topicNameMustBeLegalForKafka() {
        assertThatThrownBy(() -> new Topic<>("ledger events", Serdes.String(), Serdes.String()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ledger events'");
        assertThatThrownBy(() -> new Topic<>("ledger.x", Serdes.String(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("valueSerde of topic ledger.x");
    }

    private static <V> V roundTripValue(Topic<String, V> topic, V value) {
        return topic.valueSerde()
                .deserializer()
                .deserialize(topic.name(), topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
