package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.journal.JournalEntry;

class SerdeCachingTest {

    private static final String SCOPE = "serde-caching";
    private static final Map<String, String> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    private CountingRegistry registry;

    @BeforeEach
    void freshRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
        registry = new CountingRegistry(InMemorySchemaRegistry.forScope(SCOPE));
    }

    @Test
    void serializerAsksTheRegistryOncePerTopicAndClass() {
        SpecificAvroSerde<EventEnvelope> serde = serde(EventEnvelope.class);

        for (int i = 0; i < 1_000; i++) {
            serde.serializer()
                    .serialize("ledger.events", SampleRecords.envelope("e-" + i, SampleRecords.micropayment()));
        }
        serde.serializer().serialize("ledger.events.replay", SampleRecords.micropaymentEnvelope());
        serde.serializer().serialize("ledger.events", SampleRecords.micropaymentEnvelope());

        assertThat(registry.registers.get()).isEqualTo(2);
    }

    @Test
    void deserializerFetchesEachWriterSchemaOnce() {
        byte[] older = olderEnvelopeBytes();
        SpecificAvroSerde<EventEnvelope> serde = serde(EventEnvelope.class);
        byte[] current = serde.serializer().serialize("ledger.events", SampleRecords.micropaymentEnvelope());
        registry.schemaByIds.set(0);

        for (int i = 0; i < 500; i++) {
            serde.deserializer().deserialize("ledger.events", current);
            serde.deserializer().deserialize("ledger.events", older);
        }

        assertThat(registry.schemaByIds.get()).isEqualTo(2);
    }

    @Test
    void serdesSharedBetweenThreadsGiveEveryThreadItsOwnRecordsBack() throws Exception {
        SpecificAvroSerde<EventEnvelope> events = serde(EventEnvelope.class);
        SpecificAvroSerde<JournalEntry> journal = serde(JournalEntry.class);
        int threads = 4;
        int recordsPerThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    int matches = 0;
                    for (int i = 0; i < recordsPerThread; i++) {
                        EventEnvelope sent = SampleRecords.envelope(
                                "t" + thread + "-" + i,
                                MicropaymentRequested.newBuilder()
                                        .setWalletId("w-" + thread)
                                        .setMerchantId("m-7")
                                        .setAmount(i + 1L)
                                        .build());
                        EventEnvelope back = events.deserializer()
                                .deserialize(
                                        "ledger.events", events.serializer().serialize("ledger.events", sent));
                        JournalEntry entry = SampleRecords.journalEntry();
                        entry.setEntryId(sent.getEventId());
                        JournalEntry entryBack = journal.deserializer()
                                .deserialize(
                                        "ledger.journal", journal.serializer().serialize("ledger.journal", entry));
                        if (back.equals(sent) && entryBack.equals(entry)) {
                            matches++;
                        }
                    }
                    return matches;
                };
                results.add(pool.submit(work));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(recordsPerThread);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.registers.get()).isLessThanOrEqualTo(2 * threads);
    }

    @Test
    void cacheForgetsTheLeastRecentlyUsedEntryBeyondItsCapacity() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isEqualTo(3);
    }

    private byte[] olderEnvelopeBytes() {
        Schema v1 = SchemaBuilder.record("EventEnvelope")
                .namespace("org.kleline.ledger.events")
                .fields()
                .requiredString("eventId")
                .name("occurredAt")
                .type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
                .noDefault()
                .name("payload")
                .type(Schema.createUnion(MicropaymentRequested.SCHEMA$))
                .noDefault()
                .endRecord();
        GenericRecord payload = new GenericData.Record(MicropaymentRequested.SCHEMA$);
        payload.put("walletId", "w-1");
        payload.put("merchantId", "m-7");
        payload.put("amount", 250L);
        GenericRecord event = new GenericData.Record(v1);
        event.put("eventId", "e-v1");
        event.put("occurredAt", 0L);
        event.put("payload", payload);
        GenericAvroSerializer serializer = new GenericAvroSerializer(registry);
        serializer.configure(Map.of(), false);
        return serializer.serialize("ledger.events", event);
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, registry);
        serde.configure(CONFIG, false);
        return serde;
    }
}
