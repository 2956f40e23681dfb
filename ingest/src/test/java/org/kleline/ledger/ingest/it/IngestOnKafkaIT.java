package org.kleline.ledger.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.InMemoryOutcomeLookup;
import org.kleline.ledger.ingest.run.IngestInstance;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.ingest.testing.Outcomes;
import org.kleline.ledger.ingest.testing.Settlements;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** Ingest on a real (embedded) broker and schema registry, through HTTP, read back with plain consumers. */
class IngestOnKafkaIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final LocalDate DAY = LocalDate.parse("2026-11-26");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Map<String, Object> clients;
    private static Topics topics;
    private static IngestRuntime ingest;
    private static LedgerHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        clients = IngestTopics.clients(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl());
        IngestTopics.create(KAFKA.bootstrapServers(), 3);
        topics = Topics.create(clients);
        List<SettlementRow> rows = List.of(
                Settlements.row(DAY, "m-2", 4_000, 0, 0, 0),
                Settlements.row(DAY, "m-1", 10_000, 0, 2_500, 1),
                Settlements.row(DAY, "m-3", 0, 0, 0, 0));
        ingest = IngestRuntime.start(
                clients,
                topics,
                IngestConfig.defaults(),
                new InMemoryOutcomeLookup(),
                Optional.of(date -> CompletableFuture.completedFuture(date.equals(DAY) ? rows : List.of())),
                Clock.systemUTC(),
                IngestInstance.unique());
        server = LedgerHttpServer.create(0, List.of(ingest.routes())).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return HTTP.send(request(path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }

    private static LogReader<EventEnvelope> events() {
        return new LogReader<>(
                KAFKA.bootstrapServers(),
                Topics.EVENTS,
                topics.events().valueSerde().deserializer());
    }

    private static JsonNode json(String body) throws Exception {
        return LedgerJson.mapper().readTree(body);
    }

    @Test
    void acceptedWriteIsOnTheLogKeyedByAggregateWithTheServersTime() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> response =
                post("/v1/wallets/w-it-1/top-ups", "{\"amount\":1234}", "Idempotency-Key", "it-append-1");
        Instant after = Instant.now();
        assertThat(response.statusCode()).isEqualTo(202);
        try (LogReader<EventEnvelope> log = events()) {
            ConsumerRecord<String, EventEnvelope> record = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> log.poll().stream()
                                    .filter(r -> r.value().getEventId().equals("it-append-1"))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(record.key()).isEqualTo("wallet:w-it-1");
            assertThat(record.value().getPayload()).isEqualTo(new WalletToppedUp("w-it-1", 1234L));
            assertThat(record.value().getOccurredAt()).isBetween(before, after);
        }
    }

    @Test
    void bulkIsAllOrNothing() throws Exception {
        String good = "{\"type\":\"WalletToppedUp\",\"eventId\":\"it-bulk-%d\",\"walletId\":\"w-%d\",\"amount\":5}";
        HttpResponse<String> accepted = post(
                "/v1/events",
                String.format(good, 1, 1) + "\n" + String.format(good, 2, 2) + "\n" + String.format(good, 3, 3));
        assertThat(json(accepted.body())).isEqualTo(json("{\"accepted\":3}"));

        HttpResponse<String> refused = post(
                "/v1/events",
                String.format(good, 4, 4) + "\n" + String.format(good, 5, 5).replace("\"amount\":5", "\"amount\":-5"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).get("line").asInt()).isEqualTo(2);

        try (LogReader<EventEnvelope> log = events()) {
            // A committed transaction becomes readable to read_committed consumers once its markers are
            // written, an instant after the commit returns: poll until it is.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> bulkIds(log.poll()).size() >= 3);
            assertThat(bulkIds(log.readToEnd())).containsExactlyInAnyOrder("it-bulk-1", "it-bulk-2", "it-bulk-3");
        }
    }

    private static List<String> bulkIds(List<ConsumerRecord<String, EventEnvelope>> records) {
        return records.stream()
                .map(r -> r.value().getEventId())
                .filter(id -> id.startsWith("it-bulk-"))
                .toList();
    }

    @Test
    void waitIsAnsweredWhenTheOutcomeArrives() throws Exception {
        CompletableFuture<HttpResponse<String>> response = HTTP.sendAsync(
                request(
                        "/v1/wallets/w-it-9/top-ups",
                        "{\"amount\":2500}",
                        "Idempotency-Key",
                        "it-wait-1",
                        "Prefer",
                        "wait=20"),
                HttpResponse.BodyHandlers.ofString());
        // Play the projector: see the event on the log, then write its outcome.
        EventEnvelope appended;
        try (LogReader<EventEnvelope> log = events()) {
            appended = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> log.poll().stream()
                                    .map(ConsumerRecord::value)
                                    .filter(e -> e.getEventId().equals("it-wait-1"))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
        }
        Map<String, Object> producerConfig = new HashMap<>(clients);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        EventOutcome outcome = Outcomes.toppedUp("it-wait-1", "w-it-9", 2500, appended.getOccurredAt());
        try (KafkaProducer<String, EventOutcome> producer = new KafkaProducer<>(
                producerConfig,
                new StringSerializer(),
                topics.outcomes().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.OUTCOMES, "it-wait-1", outcome))
                    .get();
        }
        HttpResponse<String> answered = response.get();
        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode body = json(answered.body());
        assertThat(body.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("key").asText()).isEqualTo("wallet:w-it-9");
        assertThat(body.get("postings")).hasSize(2);
        assertThat(body.get("postings").get(1).get("amount").asLong()).isEqualTo(2500);
    }

    @Test
    void settlingADatePaysEveryMerchantDueInOneTransaction() throws Exception {
        HttpResponse<String> response = post("/v1/settlements/2026-11-26/settle", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json("{\"date\":\"2026-11-26\",\"payouts\":["
                        + "{\"merchantId\":\"m-1\",\"payoutId\":\"po-m-1-2026-11-26-2\",\"amount\":7500},"
                        + "{\"merchantId\":\"m-2\",\"payoutId\":\"po-m-2-2026-11-26\",\"amount\":4000}]}"));
        try (LogReader<EventEnvelope> log = events()) {
            List<ConsumerRecord<String, EventEnvelope>> payouts = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> log.poll().stream()
                                    .filter(r -> r.value().getPayload() instanceof MerchantPaidOut)
                                    .toList(),
                            list -> list.size() >= 2);
            assertThat(payouts)
                    .extracting(ConsumerRecord::key, r -> r.value().getEventId())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("merchant:m-1", "po-m-1-2026-11-26-2"),
                            org.assertj.core.groups.Tuple.tuple("merchant:m-2", "po-m-2-2026-11-26"));
            assertThat(payouts)
                    .extracting(r -> r.value().getPayload())
                    .contains(new MerchantPaidOut("m-1", "po-m-1-2026-11-26-2", DAY, 7_500L));
        }
    }
}
