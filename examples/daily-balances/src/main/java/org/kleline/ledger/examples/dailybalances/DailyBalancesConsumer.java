package org.kleline.ledger.examples.dailybalances;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * Reads {@code ledger.journal} and {@code ledger.settlements} as docs/consumers.md says a downstream
 * consumer should: {@code read_committed}, a consumer group of its own, auto commit off and a commit
 * after each batch is booked and saved. Values are decoded with ledger-model's serdes, which fetch
 * each writer schema from the registry by the id in the record (the Confluent wire format).
 *
 * <p>Not thread-safe, except {@link #stop()}, which any thread may call to end {@link #run}.
 */
final class DailyBalancesConsumer implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(500);

    /**
     * @param bootstrapServers the Kafka cluster
     * @param schemaRegistryUrl the schema registry (the Confluent REST API)
     * @param groupId this application's own consumer group
     * @param clientConfig more Kafka and registry client settings (security, say); may be empty
     */
    public record Settings(
            String bootstrapServers, String schemaRegistryUrl, String groupId, Map<String, String> clientConfig) {

        public static final String DEFAULT_GROUP_ID = "accounting-daily-balances";

        public Settings {
            clientConfig = Map.copyOf(clientConfig);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<JournalEntry> journal;
    private final Deserializer<SettlementRow> settlements;
    private final LedgerFiles files;
    private final DailyLedger books;
    private long journalRecords;
    private long entriesBooked;
    private long settlementRecords;

    /** What a run read and booked: journal records, the entries among them booked now, settlement records. */
    public record Summary(long journalRecords, long entriesBooked, long settlementRecords) {}

    public DailyBalancesConsumer(Settings settings, LedgerFiles files) {
        Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId()); // a group of our own
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // never an aborted record
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // commit once booked
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new group reads it all
        // Keys are plain strings; values are read as bytes here and decoded per topic below.
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> serdeConfig = new HashMap<>(settings.clientConfig());
        serdeConfig.put("schema.registry.url", settings.schemaRegistryUrl());
        Topics topics = Topics.create(serdeConfig);
        this.journal = topics.journal().valueSerde().deserializer();
        this.settlements = topics.settlements().valueSerde().deserializer();
        this.files = files;
        this.books = files.load();
    }

    /** The books as booked so far. */
    public DailyLedger books() {
        return books;
    }

    /**
     * Reads, books, saves and commits until {@link #stop()}; with {@code untilCaughtUp}, returns as soon
     * as every partition has been read to its last committed record, as a daily batch job would.
     */
    public Summary run(boolean untilCaughtUp) {
        consumer.subscribe(List.of(Topics.JOURNAL, Topics.SETTLEMENTS));
        try {
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        apply(record);
                    }
                    files.save(books); // first the books, durably...
                    consumer.commitSync(); // ...then the position: a crash in between reads the batch again
                }
                if (untilCaughtUp && caughtUp()) {
                    // The last polls may have moved past transaction markers only, or found a partition
                    // empty: commit those positions too, so the group's lag reads 0.
                    consumer.commitSync();
                    return summary();
                }
            }
        } catch (WakeupException stopped) {
            // stop() was called: what was booked is saved and committed, the rest comes again next time
            return summary();
        }
    }

    private Summary summary() {
        return new Summary(journalRecords, entriesBooked, settlementRecords);
    }

    /** Ends {@link #run}; safe from another thread, a shutdown hook for instance. */
    public void stop() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
        journal.close();
        settlements.close();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        switch (record.topic()) {
            case Topics.JOURNAL -> {
                journalRecords++;
                if (books.book(journal.deserialize(record.topic(), record.headers(), record.value()))) {
                    entriesBooked++;
                }
            }
            case Topics.SETTLEMENTS -> {
                settlementRecords++;
                books.upsertSettlement(
                        record.key(),
                        record.value() == null
                                ? null
                                : settlements.deserialize(record.topic(), record.headers(), record.value()));
            }
            default -> throw new IllegalStateException("not subscribed to " + record.topic());
        }
    }

    /**
     * Whether the group has partitions and this consumer is at the end of each, the end being the
     * last stable offset for a {@code read_committed} consumer (a transaction still open is not read).
     */
    private boolean caughtUp() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        for (TopicPartition partition : assigned) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }
}
