package org.kleline.ledger.embedded.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.registry.RegistryTestAccess;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.SampleRecords;
import org.kleline.ledger.model.topics.Topic;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The ledger's records written through the {@link Topics} serdes onto the embedded broker, their
 * schemas registered over HTTP with the embedded registry, read back by a read_committed consumer;
 * then the broker and registry are closed, started again on the same directory, and everything is
 * read again through new serdes whose registry client has never seen an id. This class starts and
 * restarts its own infrastructure (the extension's is not restartable); the tests look at what
 * {@code @BeforeAll} saw.
 */
class SerdeRoundTripAcrossRestartIT {

    private static final List<String> TOPICS =
            List.of(Topics.EVENTS, Topics.OUTCOMES, Topics.JOURNAL, Topics.SETTLEMENTS);
    private static final Map<String, Schema> SCHEMA_OF_TOPIC = Map.of(
            Topics.EVENTS, EventEnvelope.getClassSchema(),
            Topics.OUTCOMES, EventOutcome.getClassSchema(),
            Topics.JOURNAL, JournalEntry.getClassSchema(),
            Topics.SETTLEMENTS, SettlementRow.getClassSchema());

    private static final List<EventEnvelope> EVENTS = SampleRecords.envelopesOfEveryPayloadKind();
    private static final List<EventOutcome> OUTCOMES =
            List.of(SampleRecords.acceptedOutcome(), SampleRecords.rejectedOutcome());
    private static final List<JournalEntry> JOURNAL = List.of(SampleRecords.journalEntry());
    private static final List<SettlementRow> SETTLEMENTS = List.of(SampleRecords.settlementRow());

    @TempDir
    static Path dataDirectory;

    private static Map<String, List<?>> readBeforeRestart;
    private static Map<String, List<byte[]>> bytesBeforeRestart;
    private static Map<String, Integer> versionOneIdBeforeRestart;
    private static Map<Integer, String> schemaTextByIdBeforeRestart;
    private static EmbeddedLedgerInfrastructure restarted;
    private static Map<String, List<?>> readAfterRestart;
    private static Map<String, List<byte[]>> bytesAfterRestart;

    @BeforeAll
    static void writeReadRestartAndReadAgain() {
        try (EmbeddedLedgerInfrastructure first = EmbeddedLedgerInfrastructure.start(dataDirectory)) {
            Topics topics = topicsOn(first);
            TopicClients.createTopics(first.bootstrapServers(), TOPICS);
            writeEverything(first.bootstrapServers(), topics);
            readBeforeRestart = readEverything(first.bootstrapServers(), topics);
            bytesBeforeRestart = rawBytes(first.bootstrapServers());
            RegistryTestAccess registry = new RegistryTestAccess(first.schemaRegistryUrl());
            versionOneIdBeforeRestart = new LinkedHashMap<>();
            schemaTextByIdBeforeRestart = new LinkedHashMap<>();
            for (String topic : TOPICS) {
                int id = registry.idOfVersion(topic + "-value", "1");
                versionOneIdBeforeRestart.put(topic, id);
                schemaTextByIdBeforeRestart.put(id, registry.schemaById(id));
            }
        }
        restarted = EmbeddedLedgerInfrastructure.start(dataDirectory);
        Topics fresh = topicsOn(restarted);
        readAfterRestart = readEverything(restarted.bootstrapServers(), fresh);
        bytesAfterRestart = rawBytes(restarted.bootstrapServers());
    }

    @AfterAll
    static void close() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void everyRecordReadsBackEqualThroughTheSerdesThatWroteIt() {
        assertThat(readBeforeRestart).isEqualTo(written());
        assertThat(readBeforeRestart.get(Topics.EVENTS))
                .hasSize(11)
                .extracting(event -> ((EventEnvelope) event).getPayload().getClass())
                .doesNotHaveDuplicates();
    }

    @Test
    void everyRecordReadsBackEqualAfterARestartThroughNewSerdesWithEmptyCaches() {
        assertThat(readAfterRestart).isEqualTo(written());
    }

    @Test
    void everyPayloadCarriesMagicByteZeroAndOneSchemaIdPerTopic() {
        for (String topic : TOPICS) {
            assertThat(bytesBeforeRestart.get(topic))
                    .as(topic)
                    .allSatisfy(bytes ->
                            assertThat(ConfluentWireBytes.magicByte(bytes)).isZero())
                    .extracting(ConfluentWireBytes::schemaId)
                    .containsOnly(versionOneIdBeforeRestart.get(topic));
        }
        assertThat(versionOneIdBeforeRestart.values()).doesNotHaveDuplicates();
    }

    @Test
    void theRestartKeepsTheBytesAndTheirSchemaIds() {
        for (String topic : TOPICS) {
            assertThat(bytesAfterRestart.get(topic))
                    .as(topic)
                    .containsExactlyElementsOf(bytesBeforeRestart.get(topic))
                    .extracting(ConfluentWireBytes::schemaId)
                    .containsOnly(versionOneIdBeforeRestart.get(topic));
        }
    }

    @Test
    void afterTheRestartEachIdIsStillTheOnlyVersionOfItsTopicsSubject() {
        RegistryTestAccess registry = new RegistryTestAccess(restarted.schemaRegistryUrl());
        for (String topic : TOPICS) {
            String subject = topic + "-value";
            assertThat(registry.versions(subject)).as(subject).containsExactly(1);
            assertThat(registry.idOfVersion(subject, "1")).as(subject).isEqualTo(versionOneIdBeforeRestart.get(topic));
            assertThat(registry.idOfVersion(subject, "latest"))
                    .as(subject)
                    .isEqualTo(versionOneIdBeforeRestart.get(topic));
        }
    }

    @Test
    void afterTheRestartEachIdAnswersTheSameSchemaTextTheGeneratedClassWasBuiltFrom() {
        RegistryTestAccess registry = new RegistryTestAccess(restarted.schemaRegistryUrl());
        for (String topic : TOPICS) {
            int id = versionOneIdBeforeRestart.get(topic);
            String text = registry.schemaById(id);
            assertThat(text).as("schema id %d", id).isEqualTo(schemaTextByIdBeforeRestart.get(id));
            assertThat(new Schema.Parser().parse(text)).as("schema id %d", id).isEqualTo(SCHEMA_OF_TOPIC.get(topic));
        }
    }

    @Test
    void aSerializerAfterTheRestartFindsTheRegisteredIdsInsteadOfAddingVersions() {
        Topics fresh = topicsOn(restarted);

        byte[] event =
                fresh.events().valueSerde().serializer().serialize(Topics.EVENTS, SampleRecords.micropaymentEnvelope());
        byte[] row = fresh.settlements()
                .valueSerde()
                .serializer()
                .serialize(Topics.SETTLEMENTS, SampleRecords.settlementRow());

        assertThat(ConfluentWireBytes.schemaId(event)).isEqualTo(versionOneIdBeforeRestart.get(Topics.EVENTS));
        assertThat(ConfluentWireBytes.schemaId(row)).isEqualTo(versionOneIdBeforeRestart.get(Topics.SETTLEMENTS));
        RegistryTestAccess registry = new RegistryTestAccess(restarted.schemaRegistryUrl());
        assertThat(registry.versions(Topics.EVENTS + "-value")).containsExactly(1);
        assertThat(registry.versions(Topics.SETTLEMENTS + "-value")).containsExactly(1);
    }

    private static Topics topicsOn(EmbeddedLedgerInfrastructure infrastructure) {
        return Topics.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()));
    }

    private static Map<String, List<?>> written() {
        return Map.of(
                Topics.EVENTS,
                EVENTS,
                Topics.OUTCOMES,
                OUTCOMES,
                Topics.JOURNAL,
                JOURNAL,
                Topics.SETTLEMENTS,
                SETTLEMENTS);
    }

    /** One topic's samples and their keys: what is written through the topic's serde and read back through it. */
    private record Samples<V>(Topic<String, V> topic, List<V> values, Function<V, Map.Entry<String, V>> keyed) {

        void write(String bootstrapServers) {
            TopicClients.produceCommitted(
                    bootstrapServers,
                    topic.name(),
                    "tx-" + topic.name(),
                    topic.valueSerde().serializer(),
                    values.stream().map(keyed).toList());
        }

        List<V> read(String bootstrapServers) {
            return TopicClients.readAllCommittedValues(
                    bootstrapServers, topic.name(), topic.valueSerde().deserializer());
        }
    }

    private static List<Samples<?>> everything(Topics topics) {
        return List.of(
                new Samples<>(topics.events(), EVENTS, SampleRecords::keyed),
                new Samples<>(topics.outcomes(), OUTCOMES, SampleRecords::keyed),
                new Samples<>(topics.journal(), JOURNAL, SampleRecords::keyed),
                new Samples<>(topics.settlements(), SETTLEMENTS, SampleRecords::keyed));
    }

    private static void writeEverything(String bootstrapServers, Topics topics) {
        for (Samples<?> samples : everything(topics)) {
            samples.write(bootstrapServers);
        }
    }

    private static Map<String, List<?>> readEverything(String bootstrapServers, Topics topics) {
        Map<String, List<?>> read = new LinkedHashMap<>();
        for (Samples<?> samples : everything(topics)) {
            read.put(samples.topic().name(), samples.read(bootstrapServers));
        }
        return read;
    }

    private static Map<String, List<byte[]>> rawBytes(String bootstrapServers) {
        Map<String, List<byte[]>> raw = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            raw.put(topic, TopicClients.readAllCommittedValues(bootstrapServers, topic, new ByteArrayDeserializer()));
        }
        return raw;
    }
}
