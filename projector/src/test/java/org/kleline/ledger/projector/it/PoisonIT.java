package org.kleline.ledger.projector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.decision.EventOutcomes;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.EventPartitions;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.errors.DeadLetterHandler;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.topology.RandomLedgerLog;
import org.kleline.ledger.projector.topology.TestEvents;

/**
 * Poison written straight to ledger.events, around ingest, between valid events: random bytes,
 * truncated Avro, an unknown schema id, valid Avro whose fields break the log's contract, a record of
 * 900 KB, a merchant event on another partition than its key's, and an {@code appendedAfter} stamp
 * past the log's end. Each goes to ledger.events.dlq with a header saying why, has no outcome, and the
 * projector keeps running: the valid events around them are decided exactly as a replay of the valid
 * events alone decides them.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PoisonIT {

    private static final int KB = 1024;

    static BrokerFixture broker;

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startBroker(EmbeddedLedgerInfrastructure infra) {
        broker = new BrokerFixture(infra);
    }

    @Test
    void everyPoisonGoesToTheDeadLetterTopicWithItsReasonAndTheValidEventsAreDecidedAsWithoutIt() {
        List<EventEnvelope> valid = new ArrayList<>(RandomLedgerLog.generate(1207L, 600, 5, 10));
        List<EventEnvelope> before = valid.subList(0, 300);
        List<EventEnvelope> after = valid.subList(300, valid.size());
        long t = valid.get(valid.size() - 1).getOccurredAt().toEpochMilli();
        broker.append(before);

        // The poison, each with the reason the dead-letter header must give.
        Map<String, String> reasons = new LinkedHashMap<>();
        byte[] wellFormed = broker.serdes
                .events()
                .serializer()
                .serialize(ProjectorTopics.EVENTS, TestEvents.openWallet("pz-truncated", "pz-w-1", "EUR", 15_000, t));
        raw(-1, "wallet:pz-random", new byte[] {0, 17, -3, 99, 5, 0, 0, 1, 2, 3, -128, 64});
        reasons.put("wallet:pz-random", "SerializationException");
        raw(-1, "wallet:pz-w-1", Arrays.copyOf(wellFormed, wellFormed.length / 2));
        reasons.put("wallet:pz-w-1", "SerializationException");
        byte[] unknownSchema = wellFormed.clone();
        unknownSchema[1] = 0x7f;
        unknownSchema[2] = (byte) 0xff;
        raw(-1, "wallet:pz-unknown-schema", unknownSchema);
        reasons.put("wallet:pz-unknown-schema", "SerializationException");
        EventEnvelope zeroTopUp = TestEvents.env("pz-zero", t, new WalletToppedUp("pz-w-2", 0L));
        envelope(-1, zeroTopUp);
        reasons.put("wallet:pz-w-2", "amount");
        EventEnvelope huge = TestEvents.env(
                "pz-huge", t, new MerchantOnboarded("pz-m-huge", "x".repeat(900 * KB), null, "EUR", TestEvents.PLAN));
        assertThat(broker.serdes.events().serializer().serialize(ProjectorTopics.EVENTS, huge).length)
                .isGreaterThan(900 * KB);
        envelope(-1, huge);
        reasons.put("merchant:pz-m-huge", "name");
        EventEnvelope elsewhere = TestEvents.onboard("pz-elsewhere", "pz-m-elsewhere", "EUR", null, TestEvents.PLAN, t);
        int home = EventPartitions.partitionOf("merchant:pz-m-elsewhere", BrokerFixture.PARTITIONS);
        envelope((home + 1) % BrokerFixture.PARTITIONS, elsewhere);
        reasons.put("merchant:pz-m-elsewhere", "belongs to partition " + home);
        String merchant = firstMerchantOf(before);
        String wallet = firstWalletOf(before);
        EventEnvelope stampedAhead = EventEnvelope.newBuilder(TestEvents.micro("pz-ahead", wallet, merchant, 1, t))
                .setAppendedAfter(List.of(1_000_000L, 1_000_000L, 1_000_000L))
                .build();
        envelope(-1, stampedAhead);
        reasons.put("pz-ahead", "appendedAfter");

        // The valid events after the poison: among them, a payment to the merchant onboarded on the wrong partition.
        List<EventEnvelope> rest = new ArrayList<>(after);
        rest.add(TestEvents.micro("pz-pay-elsewhere", wallet, "pz-m-elsewhere", 1, t + 1_000));
        broker.append(rest);
        List<EventEnvelope> validInOrder = new ArrayList<>(before);
        validInOrder.addAll(rest);

        Properties props = broker.projectorProps("poison-it", stateDir);
        props.put(ProjectorSettings.MERCHANT_WAIT_TIMEOUT_MS, "2000");
        try (Projector projector = new Projector(props)) {
            projector.start();
            List<ConsumerRecord<byte[], byte[]>> dead = broker.readRaw(ProjectorTopics.EVENTS_DLQ, reasons.size());
            List<ConsumerRecord<String, EventOutcome>> outcomes = broker.readAll(
                    ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), validInOrder.size());

            assertThat(dead).hasSize(reasons.size());
            Map<String, String> deadReasons = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : dead) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                String named = key.equals("wallet:" + wallet) ? "pz-ahead" : key;
                deadReasons.put(named, header(record, DeadLetterHandler.HEADER_ERROR));
                assertThat(header(record, DeadLetterHandler.HEADER_SOURCE_TOPIC))
                        .isEqualTo(ProjectorTopics.EVENTS);
                assertThat(header(record, DeadLetterHandler.HEADER_SOURCE_OFFSET))
                        .matches("\\d+");
            }
            assertThat(deadReasons.keySet()).containsExactlyInAnyOrderElementsOf(reasons.keySet());
            reasons.forEach(
                    (key, reason) -> assertThat(deadReasons.get(key)).as(key).contains(reason));

            LedgerReplay replay = new LedgerReplay(BusinessCalendar.defaultCalendar());
            Map<String, EventOutcome> expected = new HashMap<>();
            for (EventEnvelope e : validInOrder) {
                expected.putIfAbsent(e.getEventId(), EventOutcomes.of(replay.apply(e)));
            }
            Map<String, EventOutcome> first = new HashMap<>();
            outcomes.forEach(r -> first.putIfAbsent(r.key(), r.value()));
            assertThat(outcomes).hasSize(validInOrder.size());
            assertThat(first).isEqualTo(expected);
            assertThat(first.get("pz-pay-elsewhere").getReason().toString()).isEqualTo("UNKNOWN_MERCHANT");
            assertThat(projector.metrics().poisonRecords()).isEqualTo(reasons.size());
            assertThat(projector.streams().state().isRunningOrRebalancing()).isTrue();
        }
    }

    private static String firstMerchantOf(List<EventEnvelope> events) {
        return events.stream()
                .filter(e -> e.getPayload() instanceof MerchantOnboarded)
                .findFirst()
                .map(e -> ((MerchantOnboarded) e.getPayload()).getMerchantId())
                .orElseThrow();
    }

    private static String firstWalletOf(List<EventEnvelope> events) {
        return events.stream()
                .map(e -> AggregateKey.of(e).value())
                .filter(k -> k.startsWith("wallet:"))
                .findFirst()
                .orElseThrow()
                .substring("wallet:".length());
    }

    /** Sends an envelope keyed by its aggregate, on {@code partition} (-1: the key's own), unstamped. */
    private static void envelope(int partition, EventEnvelope event) {
        raw(
                partition,
                AggregateKey.of(event).value(),
                broker.serdes.events().serializer().serialize(ProjectorTopics.EVENTS, event));
    }

    private static void raw(int partition, String key, byte[] value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                1024 * KB);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    ProjectorTopics.EVENTS,
                    partition < 0 ? null : partition,
                    key.getBytes(StandardCharsets.UTF_8),
                    value));
            producer.flush();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
