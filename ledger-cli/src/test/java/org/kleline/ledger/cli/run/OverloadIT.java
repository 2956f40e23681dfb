package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.run.LedgerClient.Answer;
import org.kleline.ledger.ingest.config.IngestConfig;

/**
 * Overload on the whole product: more writes asking {@code Prefer: wait} at once than ingest lets wait
 * (here 4), and a burst of {@code ?caughtUp=true} reads on the catch-up barrier. The writes past the
 * bound are 503 problems with {@code Retry-After}, appending nothing; every write answered 2xx has
 * exactly one event in ledger.events and one outcome in ledger.outcomes; the reads all answer.
 */
class OverloadIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int WAITS_MAX = 4;
    private static final int BURST = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static LedgerRun ledger;
    private static LedgerClient admin;

    @BeforeAll
    static void start() {
        ledger = LedgerRun.start(new RunSettings(dataDir, 0, 3, PARIS)
                .withIngest(IngestConfig.defaults().withPendingWaitsMax(WAITS_MAX)));
        admin = LedgerClient.admin(ledger);
        Answer open = admin.write(
                "/v1/wallets", "{\"walletId\":\"w-1\",\"currency\":\"EUR\",\"maxBalance\":1000000}", "ov-open");
        assertThat(open.status()).as(open.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void waitsPastTheBoundAre503WithRetryAfterAndEveryAcknowledgedWriteHasOneOutcome() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            HttpRequest request = HttpRequest.newBuilder(ledger.httpUrl().resolve("/v1/wallets/w-1/top-ups"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ledger.adminKey().secret())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "ov-" + i)
                    .header("Prefer", "wait=10")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}", StandardCharsets.UTF_8))
                    .build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> answer = sent.get(i).get(90, TimeUnit.SECONDS);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 200 || answer.statusCode() == 202) {
                acknowledged.add("ov-" + i);
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After"))
                        .as(answer.body())
                        .isPresent();
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.get("type").asText()).isEqualTo("urn:kleline:ledger:problem:unavailable");
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                refused.add("ov-" + i);
            }
        }
        System.out.println(
                "OverloadIT: " + BURST + " writes with Prefer: wait, at most " + WAITS_MAX + " waiting: " + statuses);
        assertThat(refused).as("writes past the bound of waits").isNotEmpty();
        assertThat(acknowledged).as("writes within it").isNotEmpty();

        // Every acknowledged write is in the log once and has one outcome; the refused ones neither.
        Map<String, Integer> inLog = countByEventId("ledger.events", true, acknowledged.size() + 1);
        Map<String, Integer> outcomes = countByEventId("ledger.outcomes", false, acknowledged.size() + 1);
        for (String id : acknowledged) {
            assertThat(inLog.get(id))
                    .as("records of " + id + " in ledger.events")
                    .isEqualTo(1);
            assertThat(outcomes.get(id)).as("outcomes of " + id).isEqualTo(1);
        }
        for (String id : refused) {
            assertThat(inLog).as("a refused write in the log").doesNotContainKey(id);
            assertThat(outcomes).as("an outcome of a refused write").doesNotContainKey(id);
        }
        assertThat(admin.get("/v1/wallets/w-1").json().get("balance").asLong()).isEqualTo(acknowledged.size());
    }

    @Test
    void aBurstOfCaughtUpReadsIsAnsweredWhole() throws Exception {
        LocalDate day = Instant.now().atZone(PARIS).toLocalDate();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(http.sendAsync(
                    HttpRequest.newBuilder(ledger.httpUrl().resolve("/v1/settlements/" + day + "?caughtUp=true"))
                            .timeout(Duration.ofSeconds(60))
                            .header(
                                    "Authorization",
                                    "Bearer " + ledger.adminKey().secret())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            HttpResponse<String> got = answer.get(90, TimeUnit.SECONDS);
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        }
    }

    /** How many records of each eventId a topic holds (ledger.events: decoded by hand; ledger.outcomes: its key). */
    private static Map<String, Integer> countByEventId(String topic, boolean events, int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            int total = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(events ? FuzzIT.eventIdOf(record.value()) : record.key(), 1, Integer::sum);
                    total++;
                }
                boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (atEnd && total >= atLeast) {
                    break;
                }
                if (atEnd) {
                    // Outcomes still being decided: read on to the new ends.
                    ends.putAll(consumer.endOffsets(partitions));
                }
            }
        }
        return counts;
    }
}
