package org.kleline.ledger.projector.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.config.StreamsConfigFactory;
import org.kleline.ledger.projector.decide.MerchantDirectorySource;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The projector's very topology under TopologyTestDriver, with an in-memory schema registry and
 * the merchant directory read from the decide store (exact here: one task sees every event in
 * log order).
 */
final class ProjectorDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final ProjectorMetrics metrics;
    private final TopicSerdes serdes;
    private final TestInputTopic<String, EventEnvelope> events;
    private final TestInputTopic<byte[], byte[]> rawEvents;
    private final TestOutputTopic<String, EventOutcome> outcomes;
    private final TestOutputTopic<String, JournalEntry> journal;
    private final TestOutputTopic<String, SettlementRow> settlements;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    ProjectorDriver(Path stateDir) {
        this(stateDir, MerchantDirectorySource.localStore());
    }

    ProjectorDriver(Path stateDir, MerchantDirectorySource merchantDirectories) {
        this(stateDir, merchantDirectories, "mock://projector-" + UUID.randomUUID());
    }

    /** @param schemaRegistryUrl {@code mock://<scope>} or the URL of a registry over HTTP */
    ProjectorDriver(Path stateDir, MerchantDirectorySource merchantDirectories, String schemaRegistryUrl) {
        Properties props = new Properties();
        props.put(ProjectorSettings.BOOTSTRAP_SERVERS, "unused:9092");
        props.put(ProjectorSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(ProjectorSettings.REPLICATION, "1");
        ProjectorSettings settings = ProjectorSettings.from(props);
        metrics = new ProjectorMetrics("driver-" + UUID.randomUUID());
        Properties config = StreamsConfigFactory.build(settings, props, metrics);

        Map<String, Object> serdeConfig = new HashMap<>();
        serdeConfig.put(ProjectorSettings.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
        serdes = TopicSerdes.from(org.kleline.ledger.model.topics.Topics.create(serdeConfig));
        StreamsBuilder builder = new StreamsBuilder();
        ProjectorTopology.build(
                builder, serdes, new BusinessCalendar(settings.settlementZone()), merchantDirectories, metrics);
        driver = new TopologyTestDriver(builder.build(config), config);

        events = driver.createInputTopic(
                ProjectorTopics.EVENTS,
                Serdes.String().serializer(),
                serdes.events().serializer());
        rawEvents = driver.createInputTopic(
                ProjectorTopics.EVENTS,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        outcomes = keyedOutput(ProjectorTopics.OUTCOMES, serdes.outcomes().deserializer());
        journal = keyedOutput(ProjectorTopics.JOURNAL, serdes.journal().deserializer());
        settlements =
                keyedOutput(ProjectorTopics.SETTLEMENTS, serdes.settlements().deserializer());
        deadLetters = driver.createOutputTopic(
                ProjectorTopics.EVENTS_DLQ,
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** An output topic of string keys, as the projector writes every topic but the dead letters. */
    private <V> TestOutputTopic<String, V> keyedOutput(String topic, Deserializer<V> values) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), values);
    }

    /** Appends events keyed by their aggregate, as ingest does. */
    ProjectorDriver pipe(EventEnvelope... envelopes) {
        for (EventEnvelope e : envelopes) {
            events.pipeInput(AggregateKey.of(e).value(), e, e.getOccurredAt());
        }
        return this;
    }

    ProjectorDriver pipe(List<EventEnvelope> envelopes) {
        return pipe(envelopes.toArray(EventEnvelope[]::new));
    }

    ProjectorDriver pipeWithKey(String key, EventEnvelope envelope) {
        events.pipeInput(key, envelope, envelope.getOccurredAt());
        return this;
    }

    ProjectorDriver pipeRaw(byte[] key, byte[] value) {
        rawEvents.pipeInput(key, value);
        return this;
    }

    List<KeyValue<String, EventOutcome>> outcomes() {
        return outcomes.readKeyValuesToList();
    }

    /** The outcomes emitted since the last read, by eventId (the last one of an eventId wins). */
    Map<String, EventOutcome> outcomesById() {
        Map<String, EventOutcome> byId = new TreeMap<>();
        outcomes().forEach(kv -> byId.put(kv.key, kv.value));
        return byId;
    }

    List<KeyValue<String, JournalEntry>> journal() {
        return journal.readKeyValuesToList();
    }

    List<KeyValue<String, SettlementRow>> settlements() {
        return settlements.readKeyValuesToList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** credits - debits of {@code account} in {@code currency}; 0 when never posted. */
    long balance(String account, String currency) {
        BalanceTotals t = this.<BalanceTotals>store(StoreNames.BALANCES).get(AccountKeys.balance(account, currency));
        return t == null ? 0 : t.getCredits() - t.getDebits();
    }

    BalanceTotals totals(String account, String currency) {
        return this.<BalanceTotals>store(StoreNames.BALANCES).get(AccountKeys.balance(account, currency));
    }

    AccountHistory history() {
        return new AccountHistory(store(StoreNames.BALANCE_HOURS), store(StoreNames.ACCOUNT_ENTRIES));
    }

    /** Every store's content, in key order, for comparisons. */
    Map<String, Map<String, Object>> storeContents() {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        for (String name : StoreNames.ALL) {
            Map<String, Object> content = new TreeMap<>();
            KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
            try (KeyValueIterator<String, Object> it = store.all()) {
                it.forEachRemaining(kv -> content.put(
                        kv.key, kv.value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : kv.value));
            }
            all.put(name, content);
        }
        return all;
    }

    ProjectorMetrics metrics() {
        return metrics;
    }

    TopicSerdes serdes() {
        return serdes;
    }

    /** Every record of every output topic, as raw lists, for comparisons. */
    List<Object> allOutputs() {
        List<Object> out = new ArrayList<>();
        out.addAll(outcomes.readRecordsToList().stream()
                .map(r -> List.of(r.key(), r.value(), r.timestamp()))
                .toList());
        out.addAll(journal.readRecordsToList().stream()
                .map(r -> List.of(r.key(), r.value(), r.timestamp()))
                .toList());
        out.addAll(settlements.readRecordsToList().stream()
                .map(r -> List.of(r.key(), r.value(), r.timestamp()))
                .toList());
        return out;
    }

    @Override
    public void close() {
        driver.close();
        metrics.close();
    }
}
