package org.kleline.ledger.cli.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.ingest.LedgerIngest;
import org.kleline.ledger.cli.ingest.QueryOverHttp;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.node.LedgerNode;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.auth.KafkaApiKeys;

/**
 * The roles apart on one Kafka: {@code ledger node} (projector and reads) and {@code ledger ingest}
 * (writes, its query side the node's HTTP API), each on its own port, as two processes would run.
 */
class SplitRolesIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stateDir;

    private static final ClusterSecret SECRET = ClusterSecret.of("split-roles-it-cluster-secret");

    private static LedgerNode node;
    private static LedgerIngest ingest;
    private static LedgerIngest ingestAlone;
    private static String adminKey;

    @BeforeAll
    static void start() {
        ClientProperties clients = SplitRoleStart.clients(KAFKA);
        node = SplitRoleStart.node(
                clients, stateDir, new ServerAccess("0.0.0.0", SECRET, Optional.of(stateDir.resolve("admin.key"))));
        adminKey = node.adminKey().orElseThrow().secret();
        ServerAccess access = new ServerAccess("0.0.0.0", SECRET, Optional.empty());
        ingest = LedgerIngest.start(
                clients,
                0,
                false,
                Optional.of(new QueryOverHttp(URI.create("http://127.0.0.1:" + node.port()), SECRET)),
                access);
        ingestAlone = LedgerIngest.start(clients, 0, false, Optional.empty(), access);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {ingestAlone, ingest, node}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void writesGoThroughIngestAndReadsThroughTheNode() throws Exception {
        assertThat(write(
                                ingest,
                                "/v1/merchants",
                                "{\"merchantId\":\"m-s\",\"name\":\"Split\",\"currency\":\"EUR\","
                                        + "\"feePlan\":{\"cardBps\":0,\"cardFixed\":0,\"microBps\":1000,\"microFixed\":0,\"chargebackFee\":0,"
                                        + "\"partnerShareBps\":0}}",
                                "s-onboard")
                        .body())
                .contains("\"ACCEPTED\"");
        assertThat(write(ingest, "/v1/wallets", "{\"walletId\":\"w-s\",\"currency\":\"EUR\"}", "s-open")
                        .body())
                .contains("\"ACCEPTED\"");
        assertThat(write(ingest, "/v1/wallets/w-s/top-ups", "{\"amount\":2000}", "s-topup")
                        .body())
                .contains("\"ACCEPTED\"");
        HttpResponse<String> micropayment =
                write(ingest, "/v1/wallets/w-s/micropayments", "{\"merchantId\":\"m-s\",\"amount\":1000}", "s-mp");
        JsonNode outcome = JSON.readTree(micropayment.body());
        assertThat(outcome.get("outcome").asText()).isEqualTo("ACCEPTED");

        // A retry through the ingest with a query side: answered from the node, nothing appended.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(node, "/v1/events/s-mp").statusCode() == 200);
        HttpResponse<String> retry =
                write(ingest, "/v1/wallets/w-s/micropayments", "{\"merchantId\":\"m-s\",\"amount\":1000}", "s-mp");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(retry.body())).isEqualTo(outcome);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(JSON.readTree(
                                get(node, "/v1/accounts/wallet%3Aw-s/balances").body()))
                        .isEqualTo(JSON.readTree(
                                "[{\"currency\":\"EUR\",\"balance\":1000,\"credits\":2000,\"debits\":1000}]")));

        // Settling through ingest reads the node's rows: fee 10% of 1000 = 100, net 900.
        LocalDate day = Instant.parse(outcome.get("occurredAt").asText())
                .atZone(SplitRoleStart.PARIS)
                .toLocalDate();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(node, "/v1/merchants/m-s/settlements?from=" + day + "&to=" + day)
                        .body()
                        .contains("\"net\":900"));
        HttpResponse<String> settled = post(ingest, "/v1/settlements/" + day + "/settle", "");
        assertThat(settled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(settled.body()).get("payouts"))
                .containsExactly(
                        JSON.readTree("{\"merchantId\":\"m-s\",\"payoutId\":\"po-m-s-" + day + "\",\"amount\":900}"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(get(node, "/v1/merchants/m-s").body())
                                        .get("balance")
                                        .asLong())
                        .isZero());
    }

    @Test
    void everyRoleAnswersItsHealthWithoutAKeyAndIngestShowsItsProducersMetrics() throws Exception {
        for (int port : new int[] {node.port(), ingest.port(), ingestAlone.port()}) {
            for (String path : List.of("/health/live", "/health/ready", "/health")) {
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(port + path).isEqualTo(200);
                assertThat(health.body()).as(port + path).isEqualTo("{\"status\":\"UP\"}");
            }
        }
        assertThat(ingest.readiness()).isEqualTo("UP");

        HttpResponse<String> metrics = get(ingest, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains(
                        "# TYPE ledger_jvm_memory_used_bytes gauge",
                        "ledger_kafka_producer_",
                        "client_id=\"ledger-ingest\"");
        assertThat(get(ingest.port(), "/metrics", "kl_not_a_key").statusCode()).isEqualTo(401);
    }

    @Test
    void anIngestWithoutQuerySideCannotSettleAndServesNoReads() throws Exception {
        HttpResponse<String> settle = post(ingestAlone, "/v1/settlements/2026-01-01/settle", "");
        assertThat(settle.statusCode()).isEqualTo(503);
        assertThat(settle.headers().firstValue("Retry-After")).isPresent();
        assertThat(get(ingestAlone, "/v1/trial-balance").statusCode()).isEqualTo(404);
        assertThat(post(node, "/v1/wallets", "{\"walletId\":\"w-n\",\"currency\":\"EUR\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aKeyMadeOnOneProcessWorksOnTheOtherAndItsRevocationReachesItWithinTheBound() throws Exception {
        HttpResponse<String> made = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port() + "/v1/api-keys"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + adminKey)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"analyst\",\"label\":\"split\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(made.body());
        String secret = key.get("secret").asText();

        // Made through ingest, read by the node from ledger.api-keys within the bound.
        await().atMost(KafkaApiKeys.PROPAGATION_BOUND)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> get(node.port(), "/v1/trial-balance", secret).statusCode() == 200);
        assertThat(get(ingest.port(), "/v1/api-keys", secret).statusCode()).isEqualTo(403);

        // Revoked on the node: ingest refuses the key within the bound, the node at once.
        HttpResponse<String> revoked = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/v1/api-keys/"
                                + key.get("keyId").asText()))
                        .header("Authorization", "Bearer " + adminKey)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(JSON.readTree(revoked.body()).get("revokedAt").isNull()).isFalse();
        assertThat(get(node.port(), "/v1/trial-balance", secret).statusCode()).isEqualTo(401);
        await().atMost(KafkaApiKeys.PROPAGATION_BOUND)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> post(ingest.port(), "/v1/api-keys", "{}", secret).statusCode() == 401);
    }

    @Test
    void theNodesInternalReadsAskForTheClusterSecret() throws Exception {
        HttpResponse<String> noSecret = post(node.port(), "/internal/v1/reads", "{}", adminKey);
        assertThat(noSecret.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/internal/v1/reads"))
                        .header("Content-Type", "application/json")
                        .header(ClusterSecret.HEADER, "not-the-cluster-secret")
                        .header("Ledger-Forwarded-By", "x:1")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private static HttpResponse<String> post(int port, String path, String body, String key)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> write(LedgerIngest to, String path, String body, String key)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .header("Prefer", "wait=10")
                        .header("Authorization", "Bearer " + adminKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(LedgerIngest to, String path, String body)
            throws IOException, InterruptedException {
        return post(to.port(), path, body);
    }

    private static HttpResponse<String> post(LedgerNode to, String path, String body)
            throws IOException, InterruptedException {
        return post(to.port(), path, body);
    }

    private static HttpResponse<String> post(int port, String path, String body)
            throws IOException, InterruptedException {
        return post(port, path, body, adminKey);
    }

    private static HttpResponse<String> get(LedgerIngest to, String path) throws IOException, InterruptedException {
        return get(to.port(), path);
    }

    private static HttpResponse<String> get(LedgerNode to, String path) throws IOException, InterruptedException {
        return get(to.port(), path);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return get(port, path, adminKey);
    }

    private static HttpResponse<String> get(int port, String path, String key)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
