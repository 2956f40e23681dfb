package org.kleline.ledger.model.topics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.serde.AvroSerdes;
import org.kleline.ledger.model.serde.SchemaRegistryClient;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * Every topic of the ledger with the serdes of its keys and values, so a topic's contract lives in
 * one place (after Confluent's {@code Schemas.Topics}). Avro values use the Confluent wire format,
 * subject {@code <topic>-value}; keys are plain strings. The registry's own {@code _schemas} topic
 * is not here.
 *
 * <pre>{@code
 * Topics topics = Topics.create(Map.of("schema.registry.url", "http://localhost:8081"));
 * builder.stream(topics.events().name(), Consumed.with(topics.events().keySerde(), topics.events().valueSerde()));
 * }</pre>
 *
 * All serdes of one instance share one registry client: make one {@code Topics} per process.
 */
public final class Topics {

    /** The source of truth: one EventEnvelope per event, keyed by aggregate (e.g. {@code wallet:w-1}). */
    public static final String EVENTS = "ledger.events";
    /** Records of {@value #EVENTS} the projector could not read, bytes as they were. */
    public static final String EVENTS_DLQ = "ledger.events.dlq";
    /** One EventOutcome per event, keyed by eventId: ingest's synchronous reply. */
    public static final String OUTCOMES = "ledger.outcomes";
    /** The journal: one JournalEntry per accepted event, keyed by eventId. */
    public static final String JOURNAL = "ledger.journal";
    /** Settlement rows, keyed by {@link org.kleline.ledger.model.settlement.SettlementKey#format()}. */
    public static final String SETTLEMENTS = "ledger.settlements";

    /** Kept for ever: the event log is the source of truth, and the outputs are its record. */
    private static final Map<String, String> FOR_EVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    /** One live row per (merchant, date, currency): the latest of each key is the current one. */
    private static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private static final Map<String, Map<String, String>> CREATION_CONFIGS = Map.of(
            EVENTS, FOR_EVER, EVENTS_DLQ, FOR_EVER, OUTCOMES, FOR_EVER, JOURNAL, FOR_EVER, SETTLEMENTS, COMPACTED);

    private final AvroSerdes serdes;
    private final Topic<String, EventEnvelope> events;
    private final Topic<byte[], byte[]> eventsDlq;
    private final Topic<String, EventOutcome> outcomes;
    private final Topic<String, JournalEntry> journal;
    private final Topic<String, SettlementRow> settlements;

    private Topics(AvroSerdes serdes) {
        this.serdes = serdes;
        Serde<String> strings = Serdes.String();
        this.events = new Topic<>(EVENTS, strings, serdes.valueSerde(EventEnvelope.class));
        this.eventsDlq = new Topic<>(EVENTS_DLQ, Serdes.ByteArray(), Serdes.ByteArray());
        this.outcomes = new Topic<>(OUTCOMES, strings, serdes.valueSerde(EventOutcome.class));
        this.journal = new Topic<>(JOURNAL, strings, serdes.valueSerde(JournalEntry.class));
        this.settlements = new Topic<>(SETTLEMENTS, strings, serdes.valueSerde(SettlementRow.class));
    }

    /**
     * The topics with Avro serdes configured by {@code serdeConfig}: {@code schema.registry.url}
     * (required; {@code mock://<scope>} for tests) and the other keys of
     * {@link org.kleline.ledger.model.serde.AvroSerdeConfig}. A Kafka client configuration map will do.
     */
    public static Topics create(Map<String, ?> serdeConfig) {
        return new Topics(AvroSerdes.create(Objects.requireNonNull(serdeConfig, "serdeConfig")));
    }

    /** The topics with Avro serdes using {@code registry}, the other keys read from {@code serdeConfig}. */
    public static Topics create(Map<String, ?> serdeConfig, SchemaRegistryClient registry) {
        return new Topics(AvroSerdes.create(Objects.requireNonNull(serdeConfig, "serdeConfig"), registry));
    }

    public Topic<String, EventEnvelope> events() {
        return events;
    }

    public Topic<byte[], byte[]> eventsDlq() {
        return eventsDlq;
    }

    public Topic<String, EventOutcome> outcomes() {
        return outcomes;
    }

    public Topic<String, JournalEntry> journal() {
        return journal;
    }

    public Topic<String, SettlementRow> settlements() {
        return settlements;
    }

    /** Every topic, in the order of the flow: for creating them at start-up. */
    public List<Topic<?, ?>> all() {
        return List.of(events, eventsDlq, outcomes, journal, settlements);
    }

    /**
     * The settings the ledger creates topic {@code name} with (its retention or compaction), empty for a
     * topic that is not the ledger's. The one place they are written: the projector creates the topics
     * with them, and docs/asyncapi.yaml is checked against them.
     */
    public static Map<String, String> creationConfigs(String name) {
        return CREATION_CONFIGS.getOrDefault(name, Map.of());
    }

    /** The serde factory behind these topics, for state stores and other records on the same registry. */
    public AvroSerdes serdes() {
        return serdes;
    }
}
