package org.kleline.ledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.it.BrokerFixture;
import org.kleline.ledger.query.QueryApi;
import org.kleline.ledger.query.QueryConfig;
import org.kleline.ledger.query.routing.Forwarding;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * One projector node on the embedded broker, fed through ledger.events: every read of docs/api.md with
 * its exact figures, health, metrics, ingest's two look-ups, and 503 while Streams is not running.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class QueryApiIT {

    @TempDir
    static Path stateDir;

    static EmbeddedLedgerInfrastructure infra;
    static QueryNode node;

    @BeforeAll
    static void startNodeAndFeedTheLog(EmbeddedLedgerInfrastructure infrastructure) {
        infra = infrastructure;
        node = QueryNode.start(infra, "query-api-it", stateDir.resolve("node"), LoopbackPorts.chooseFree(1)[0]);
        BrokerFixture.append(infra, LedgerScenario.events());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> LedgerScenario.assertAnsweredBy(node));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyReadAnswersTheLedgersExactFigures() {
        LedgerScenario.assertAnsweredBy(node);
    }

    @Test
    void healthIsUpOnceTheViewsAreQueryable() {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            HttpResponse<String> r = node.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void metricsAreThePrometheusTextFormatWithJvmAndKafkaStreamsMetrics() {
        HttpResponse<String> r = node.get("/metrics", "text/plain");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body())
                .contains(
                        "# TYPE ledger_jvm_memory_used_bytes gauge",
                        "ledger_jvm_gc_",
                        "ledger_process_uptime_seconds",
                        "ledger_kafka_stream_thread_");
    }

    @Test
    void ingestReadsFirstOutcomesThroughTheQuerySide() {
        EventOutcome first = node.api.outcomeLookup().firstOutcome("top-w1").orElseThrow();
        assertThat(first.getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(first.getKey()).isEqualTo("wallet:w-1");
        assertThat(first.getPostings())
                .extracting(p -> p.getAccount() + " " + p.getAmount())
                .containsExactly("platform:card-clearing -10000", "wallet:w-1 10000");
        assertThat(node.api.outcomeLookup().firstOutcome("ev-404")).isEmpty();
    }

    @Test
    void settlingADateReadsEveryMerchantsRowInMerchantOrder() throws Exception {
        assertThat(node.api.settlementRows().rowsOn(LedgerScenario.DAY).get(40, TimeUnit.SECONDS))
                .containsExactly(
                        new SettlementRow(
                                "m-1",
                                LedgerScenario.DAY,
                                "EUR",
                                2L,
                                10_000L,
                                3_000L,
                                0L,
                                326L,
                                65L,
                                6_674L,
                                5_000L,
                                1,
                                SettlementStatus.OPEN),
                        new SettlementRow(
                                "m-2",
                                LedgerScenario.DAY,
                                "JPY",
                                1L,
                                5_000L,
                                0L,
                                1_000L,
                                1_650L,
                                0L,
                                2_350L,
                                0L,
                                0,
                                SettlementStatus.OPEN));
        assertThat(node.api
                        .settlementRows()
                        .rowsOn(LedgerScenario.DAY.plusDays(1))
                        .get(40, TimeUnit.SECONDS))
                .isEmpty();
    }

    @Test
    void theForwardingEndpointAnswersOnlyForwardedReads() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + Forwarding.PATH))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"read\":{\"read\":\"wallet\",\"walletId\":\"w-1\"},\"partitions\":[0]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(QueryNode.parse(r.body()).path("field").asText()).isEqualTo(Forwarding.HEADER);
    }

    @Test
    void beforeStreamsRunsAndAfterItStopsEveryReadIs503WithRetryAfter() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-api-it-idle");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("idle").toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("ledger.events").foreach((k, v) -> {});
        KafkaStreams idle = new KafkaStreams(builder.build(), config);
        try (QueryApi api = QueryApi.create(idle, QueryConfig.defaults(new HostInfo("127.0.0.1", 1)));
                LedgerHttpServer server =
                        LedgerHttpServer.create(0, List.of(api.routes())).start()) {
            assertUnavailable(server.port(), "STARTING");
            idle.close(Duration.ofSeconds(10));
            assertUnavailable(server.port(), "DOWN");
        }
    }

    private static void assertUnavailable(int port, String status) {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of(
                "/v1/wallets/w-1",
                "/v1/events/top-w1",
                "/v1/accounts/platform%3Afees/balances",
                "/v1/trial-balance",
                "/v1/settlements/2024-03-01",
                "/v1/merchants/m-1")) {
            HttpResponse<String> r = send(http, port, path);
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(QueryNode.parse(r.body()).path("detail").asText()).contains("not queryable");
        }
        for (String path : List.of("/health", "/health/ready")) {
            HttpResponse<String> health = send(http, port, path);
            assertThat(health.statusCode()).as(path).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"" + status + "\"}");
        }
        // Alive all the same: the process answers; an orchestrator must not restart it for not being ready.
        assertThat(send(http, port, "/health/live").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(HttpClient http, int port, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        }
    }
}
