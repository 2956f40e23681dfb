package org.kleline.ledger.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.web.health.Readiness;
import org.kleline.ledger.web.health.ReadinessRoutes;
import org.kleline.ledger.web.server.HttpLimits;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** The gate alone, on a server with two routes of the table, the health routes and keys held in memory. */
class AccessControlTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ClusterSecret SECRET = ClusterSecret.of("a-cluster-secret-of-the-test");

    private InMemoryApiKeys keys;
    private LedgerHttpServer server;
    private final AtomicReference<String> readiness = new AtomicReference<>("STARTING");

    @BeforeEach
    void start() {
        keys = new InMemoryApiKeys(Clock.systemUTC());
        server = LedgerHttpServer.create(
                        new HttpServerConfig("127.0.0.1", 0, 1024, 5_000, HttpLimits.defaults()),
                        AccessControl.withKeys(keys, Optional.of(SECRET)),
                        List.of(
                                routes -> {
                                    routes.get(
                                            "/v1/trial-balance",
                                            ctx -> ctx.result("role "
                                                    + AccessControl.principal(ctx)
                                                            .role()));
                                    routes.post(
                                            "/v1/wallets",
                                            ctx -> ctx.status(202).result("appended"));
                                    routes.get("/v1/not-in-the-table", ctx -> ctx.result("never"));
                                },
                                new ReadinessRoutes(readiness::get)))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKeyIsCheckedAndItsRevocationAppliesAtOnceDespiteTheCache() throws Exception {
        String analyst = keys.create(Role.ANALYST, null, null).secret();
        assertThat(get("/v1/trial-balance", analyst).body()).isEqualTo("role ANALYST");
        assertThat(get("/v1/trial-balance", analyst).statusCode()).isEqualTo(200);

        keys.revoke(ApiKeySecret.parse(analyst).orElseThrow().keyId());
        HttpResponse<String> revoked = get("/v1/trial-balance", analyst);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).contains(AccessControl.CHALLENGE);
        assertThat(revoked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void unknownWrongOrMalformedKeysAre401AndAForbiddenRoleIs403() throws Exception {
        String wallets = keys.create(Role.WALLETS, null, null).secret();
        String wrongSecret = wallets.substring(0, wallets.length() - 1) + (wallets.endsWith("A") ? "B" : "A");
        assertThat(get("/v1/trial-balance", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/trial-balance", wrongSecret).statusCode()).isEqualTo(401);
        assertThat(get("/v1/trial-balance", "kl_nosuchkey000_" + "A".repeat(43)).statusCode())
                .isEqualTo(401);
        assertThat(get("/v1/trial-balance", "not a key").statusCode()).isEqualTo(401);
        assertThat(get("/v1/trial-balance", wallets).statusCode()).isEqualTo(403);
        assertThat(get(
                                "/v1/not-in-the-table",
                                keys.create(Role.ADMIN, null, null).secret())
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/no-such-route", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theHealthRoutesNeedNoKeyAndLivenessIsUpBeforeReadiness() throws Exception {
        String notAKey = "kl_nosuchkey000_" + "A".repeat(43);
        for (String key : new String[] {null, notAKey}) {
            HttpResponse<String> live = get("/health/live", key);
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
            for (String path : new String[] {"/health/ready", "/health"}) {
                HttpResponse<String> notReady = get(path, key);
                assertThat(notReady.statusCode()).as(path).isEqualTo(503);
                assertThat(notReady.body()).isEqualTo("{\"status\":\"STARTING\"}");
                assertThat(notReady.headers().firstValue("Retry-After")).contains("1");
            }
        }
        readiness.set(Readiness.UP);
        assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get("/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theClusterSecretReadsButNeverWrites() throws Exception {
        HttpResponse<String> read = HTTP.send(
                request("/v1/trial-balance", null)
                        .header(ClusterSecret.HEADER, SECRET.value())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        HttpResponse<String> write = HTTP.send(
                request("/v1/wallets", null)
                        .header(ClusterSecret.HEADER, SECRET.value())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = HTTP.send(
                request("/v1/trial-balance", null)
                        .header(ClusterSecret.HEADER, "a-cluster-secret-of-the-tesT")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNeitherJsonNorNdjsonIs415AfterTheKey() throws Exception {
        String wallets = keys.create(Role.WALLETS, null, null).secret();
        assertThat(post("/v1/wallets", wallets, "text/plain").statusCode()).isEqualTo(415);
        assertThat(post("/v1/wallets", wallets, "multipart/form-data; boundary=x")
                        .statusCode())
                .isEqualTo(415);
        assertThat(post("/v1/wallets", null, "text/plain").statusCode()).isEqualTo(401);
        assertThat(post("/v1/wallets", wallets, "application/json; charset=utf-8")
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void theScopeOfEachRole() {
        Principal merchant = Principal.ofKey("k1", Role.MERCHANT, "m-a");
        assertThat(merchant.mayReadAccount("merchant:m-a")).isTrue();
        assertThat(merchant.mayReadAccount("merchant:m-b")).isFalse();
        assertThat(merchant.mayReadAccount("platform:fees")).isFalse();
        assertThat(merchant.mayReadOutcome("payment:p", "m-a")).isTrue();
        assertThat(merchant.mayReadOutcome("payment:p", null)).isFalse();
        Principal wallets = Principal.ofKey("k2", Role.WALLETS, null);
        assertThat(wallets.mayReadAccount("wallet:w")).isTrue();
        assertThat(wallets.mayReadAccount("merchant:m-a")).isFalse();
        assertThat(wallets.mayReadOutcome("merchant:m-a", null)).isFalse();
        assertThat(Principal.ofKey("k3", Role.AUDITOR, null).seesAppendedBy()).isTrue();
        assertThat(Principal.ofKey("k4", Role.ANALYST, null).seesAppendedBy()).isFalse();
        assertThat(AccessRules.RULES)
                .extracting(AccessRules.Rule::route)
                .doesNotHaveDuplicates()
                .contains(
                        "GET /health",
                        "GET /health/live",
                        "GET /health/ready",
                        "POST /internal/v1/reads",
                        "DELETE /v1/api-keys/{keyId}");
    }

    @Test
    void aSecretCarriesItsKeyIdAndIsNeverPrinted() {
        ApiKeySecret secret = ApiKeySecret.generate();
        assertThat(ApiKeySecret.parse(secret.secret())).contains(secret);
        assertThat(secret.secret()).startsWith("kl_" + secret.keyId() + "_");
        assertThat(secret.toString()).doesNotContain(secret.secret().substring(16));
        assertThat(ApiKeySecret.parse("kl_short_x")).isEmpty();
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return HTTP.send(request(path, key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, String contentType)
            throws IOException, InterruptedException {
        return HTTP.send(
                request(path, key)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
