package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.run.LedgerClient.Answer;

/**
 * Who may call what (docs/api.md), on the whole product of {@code ledger run}: every route, called with
 * no key, a revoked key, a key of each role, and a merchant key of another merchant (the dashboard's page and files need none); the status of
 * every cell is the table {@link #MATRIX}, and every refusal is a problem body that appends nothing.
 */
class RoleMatrixIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration DECIDED = Duration.ofSeconds(30);
    private static final String PLAN = "{\"cardBps\":200,\"cardFixed\":20,\"microBps\":500,\"microFixed\":2,"
            + "\"chargebackFee\":1000,\"partnerShareBps\":0}";

    /** The callers, in the order of the table's columns. */
    private static final List<String> CALLERS =
            List.of("none", "revoked", "admin", "merchant", "wallets", "analyst", "auditor", "other");

    /**
     * One line per route: the call, then the status each caller gets. {@code merchant} is bound to m-a,
     * {@code other} is a merchant key of m-b, {@code revoked} an admin key that was revoked.
     */
    private static final String MATRIX = """
            # call                                       none revoked admin merchant wallets analyst auditor other
            POST /v1/merchants                            401  401    202   403      403     403     403     403
            POST /v1/merchants/m-a/fee-plan               401  401    202   403      403     403     403     403
            POST /v1/merchants/m-a/payouts                401  401    202   403      403     403     403     403
            POST /v1/wallets                              401  401    202   403      202     403     403     403
            POST /v1/wallets/w-1/top-ups                  401  401    202   403      202     403     403     403
            POST /v1/wallets/w-1/redemptions              401  401    202   403      202     403     403     403
            POST /v1/wallets/w-1/micropayments            401  401    202   403      202     403     403     403
            POST /v1/card-payments                        401  401    202   202      403     403     403     403
            POST /v1/card-payments/c-a/captures           401  401    202   202      403     403     403     404
            POST /v1/card-payments/c-a/refunds            401  401    202   202      403     403     403     404
            POST /v1/card-payments/c-a/chargebacks        401  401    202   403      403     403     403     403
            POST /v1/events                               401  401    200   403      403     403     403     403
            POST /v1/settlements/2001-01-01/settle        401  401    200   403      403     403     403     403
            POST /v1/api-keys                             401  401    201   403      403     403     403     403
            GET /v1/api-keys                              401  401    200   403      403     403     403     403
            DELETE /v1/api-keys/{spare}                   401  401    200   403      403     403     403     403
            GET /v1/events/ev-auth-a                      401  401    200   200      404     403     200     404
            GET /v1/events/ev-topup                       401  401    200   404      200     403     200     404
            POST /v1/outcomes/lookup                      401  401    200   403      403     403     200     403
            GET /v1/accounts/merchant:m-a/balances        401  401    200   200      404     200     200     404
            GET /v1/accounts/wallet:w-1/balances          401  401    200   404      200     200     200     404
            GET /v1/accounts/platform:fees/balances       401  401    200   404      404     200     200     404
            GET /v1/accounts/merchant:m-a/entries         401  401    200   200      404     200     200     404
            GET /v1/wallets/w-1                           401  401    200   403      200     403     403     403
            GET /v1/merchants/m-a                         401  401    200   200      403     200     200     404
            GET /v1/card-payments/c-a                     401  401    200   200      403     403     403     404
            GET /v1/merchants/m-a/settlements             401  401    200   200      403     200     200     404
            GET /v1/settlements/{day}                     401  401    200   200      403     200     200     200
            GET /v1/trial-balance                         401  401    200   403      403     200     200     403
            GET /v1/settlement-summary?from={day}&to={day} 401  401    200   200      403     200     200     200
            GET /metrics                                  401  401    200   403      403     403     200     403
            GET /health                                   200  200    200   200      200     200     200     200
            GET /health/ready                             200  200    200   200      200     200     200     200
            GET /health/live                              200  200    200   200      200     200     200     200
            GET /dashboard                                200  200    200   200      200     200     200     200
            GET /dashboard/dashboard.js                   200  200    200   200      200     200     200     200
            POST /internal/v1/reads                       401  401    403   403      403     403     403     403
            """;

    @TempDir
    static Path dataDir;

    private static LedgerRun ledger;
    private static LedgerClient admin;
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static String spareKeyId;
    private static LocalDate day;

    @BeforeAll
    static void start() {
        ledger = LedgerRun.start(new RunSettings(dataDir, 0, 3, PARIS));
        admin = LedgerClient.admin(ledger);
        KEYS.put("none", null);
        KEYS.put("admin", ledger.adminKey().secret());
        KEYS.put("merchant", makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-a\",\"label\":\"shop a\"}"));
        KEYS.put("wallets", makeKey("{\"role\":\"wallets\"}"));
        KEYS.put("analyst", makeKey("{\"role\":\"analyst\"}"));
        KEYS.put("auditor", makeKey("{\"role\":\"auditor\"}"));
        KEYS.put("other", makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-b\"}"));
        String revoked = makeKey("{\"role\":\"admin\",\"label\":\"to revoke\"}");
        assertThat(admin.delete("/v1/api-keys/" + revoked.substring(3, 15)).status())
                .isEqualTo(200);
        KEYS.put("revoked", revoked);
        spareKeyId = keyIdOf(makeKey("{\"role\":\"analyst\",\"label\":\"spare\"}"));

        decided(admin.write("/v1/merchants", merchant("m-a"), "ev-onboard-a"));
        decided(admin.write("/v1/merchants", merchant("m-b"), "ev-onboard-b"));
        decided(admin.write("/v1/wallets", "{\"walletId\":\"w-1\",\"currency\":\"EUR\"}", "ev-open"));
        JsonNode topUp = decided(admin.write("/v1/wallets/w-1/top-ups", "{\"amount\":10000}", "ev-topup"));
        day = Instant.parse(topUp.get("occurredAt").asText()).atZone(PARIS).toLocalDate();
        LedgerClient merchantA = admin.withKey(KEYS.get("merchant"));
        decided(merchantA.write("/v1/card-payments", payment("c-a", "m-a", 5000), "ev-auth-a"));
        // A merchant captures its own payment once the views show it as its own.
        await().atMost(DECIDED).until(() -> admin.get("/v1/card-payments/c-a").status() == 200);
        decided(merchantA.write("/v1/card-payments/c-a/captures", "{\"amount\":1000}", "ev-capture-a"));
        decided(admin.withKey(KEYS.get("other")).write("/v1/card-payments", payment("c-b", "m-b", 7000), "ev-auth-b"));
        decided(admin.write("/v1/card-payments/c-b/captures", "{\"amount\":7000}", "ev-capture-b"));
        await().atMost(DECIDED)
                .until(() -> admin.get("/v1/card-payments/c-a").status() == 200
                        && admin.get("/v1/card-payments/c-b").status() == 200
                        && admin.get("/v1/merchants/m-b/settlements?from=" + day + "&to=" + day)
                                .body()
                                .contains("\"gross\""));
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        List<String> refusedWrites = new ArrayList<>();
        List<String> permittedWrites = new ArrayList<>();
        int cells = 0;
        for (String line : MATRIX.strip().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            String method = parts[0];
            String path = parts[1].replace("{day}", day.toString()).replace("{spare}", spareKeyId);
            assertThat(parts).as(line).hasSize(2 + CALLERS.size());
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                int expected = Integer.parseInt(parts[2 + i]);
                String cell = "x" + cells++;
                Answer answer = call(admin.withKey(KEYS.get(caller)), method, path, cell);
                if (answer.status() != expected) {
                    mismatches.add(method + " " + path + " as " + caller + ": " + answer.status() + " (expected "
                            + expected + "): " + answer.body());
                    continue;
                }
                if (expected >= 400) {
                    assertThat(answer.header("Content-Type"))
                            .as(method + " " + path + " as " + caller)
                            .startsWith("application/problem+json");
                    assertThat(answer.json().get("status").asInt()).isEqualTo(expected);
                    if (expected == 401) {
                        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
                    }
                }
                boolean appends = method.equals("POST")
                        && path.startsWith("/v1/")
                        && !path.startsWith("/v1/api-keys")
                        && !path.equals("/v1/outcomes/lookup")
                        && !path.endsWith("/settle");
                if (appends) {
                    (expected < 300 ? permittedWrites : refusedWrites).add(cell);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(cells).isEqualTo(37 * CALLERS.size());

        // Every refusal appended nothing: once the writes let through are decided, the refused ids have no outcome.
        await().atMost(DECIDED)
                .until(() -> permittedWrites.stream()
                        .allMatch(id -> admin.get("/v1/events/" + id).status() == 200));
        assertThat(refusedWrites)
                .allSatisfy(
                        id -> assertThat(admin.get("/v1/events/" + id).status()).isEqualTo(404));
    }

    @Test
    void aMerchantKeySeesItsOwnSettlementRowsOfADateOnlyAndAppendedByIsForAdminAndAuditor() {
        LedgerClient merchantA = admin.withKey(KEYS.get("merchant"));
        await().atMost(DECIDED)
                .until(() -> admin.get("/v1/settlements/" + day).json().size() >= 2);
        JsonNode rows = merchantA.get("/v1/settlements/" + day).json();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("merchantId").asText()).isEqualTo("m-a"));
        assertThat(merchantA.get("/v1/settlements/" + day, "Accept", "text/csv").body())
                .doesNotContain("m-b");
        JsonNode summary = merchantA
                .get("/v1/settlement-summary?from=" + day + "&to=" + day)
                .json();
        assertThat(summary.get("merchants").findValuesAsText("merchantId")).containsExactly("m-a");
        assertThat(summary.toString()).doesNotContain("m-b");

        String merchantKeyId = keyIdOf(KEYS.get("merchant"));
        assertThat(admin.get("/v1/events/ev-auth-a").json().get("appendedBy").asText())
                .isEqualTo(merchantKeyId);
        assertThat(admin.withKey(KEYS.get("auditor"))
                        .get("/v1/events/ev-auth-a")
                        .json()
                        .get("appendedBy")
                        .asText())
                .isEqualTo(merchantKeyId);
        assertThat(merchantA.get("/v1/events/ev-auth-a").json().has("appendedBy"))
                .isFalse();
        assertThat(admin.get("/v1/events/ev-topup").json().get("appendedBy").asText())
                .isEqualTo(ledger.adminKey().keyId());
        assertThat(admin.get("/v1/events/ev-topup").json().has("payloadSha256")).isFalse();
    }

    @Test
    void aReusedIdempotencyKeyWithAnotherBodyOrFromAnotherPrincipalIs422AndAppendsNothing() {
        LedgerClient wallets = admin.withKey(KEYS.get("wallets"));
        decided(wallets.write("/v1/wallets/w-1/top-ups", "{\"amount\":300}", "ev-idem"));

        Answer same = wallets.write("/v1/wallets/w-1/top-ups", "{\"amount\":300}", "ev-idem");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("Idempotent-Replayed")).isEqualTo("true");

        Answer otherBody = wallets.write("/v1/wallets/w-1/top-ups", "{\"amount\":301}", "ev-idem");
        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
        assertThat(otherBody.json().get("type").asText())
                .endsWith("/idempotency-key-reused")
                .isEqualTo("urn:kleline:ledger:problem/idempotency-key-reused");
        Answer otherType = wallets.write("/v1/wallets/w-1/redemptions", "{\"amount\":300}", "ev-idem");
        assertThat(otherType.status()).isEqualTo(422);

        // The other merchant replays m-a's authorization key on its own payment id: nothing leaks, nothing appended.
        LedgerClient other = admin.withKey(KEYS.get("other"));
        Answer hijack = other.write("/v1/card-payments", payment("c-a", "m-b", 5000), "ev-auth-a");
        assertThat(hijack.status()).as(hijack.body()).isEqualTo(422);
        assertThat(hijack.body()).doesNotContain("postings").doesNotContain("ACCEPTED");
        // Even the very same body from another principal is not answered the first outcome.
        LedgerClient secondA = admin.withKey(makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-a\"}"));
        assertThat(secondA.write("/v1/card-payments", payment("c-a", "m-a", 5000), "ev-auth-a")
                        .status())
                .isEqualTo(200);
        Answer fromWallets = wallets.write("/v1/wallets/w-1/top-ups", "{\"amount\":5000}", "ev-topup");
        assertThat(fromWallets.status()).isEqualTo(422);
        assertThat(admin.get("/v1/accounts/wallet:w-1/entries?limit=1000").body())
                .doesNotContain("\"amount\":301");
    }

    @Test
    void browserStyleRequestsAreRefused() throws IOException {
        Answer plain = admin.post(
                "/v1/wallets/w-1/top-ups",
                "{\"amount\":1}",
                "Content-Type",
                "text/plain",
                "Idempotency-Key",
                "ev-plain");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.header("Content-Type")).startsWith("application/problem+json");
        Answer form = admin.post(
                "/v1/wallets/w-1/top-ups",
                "amount=1",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Idempotency-Key",
                "ev-form");
        assertThat(form.status()).isEqualTo(415);
        Answer anonymous = admin.withKey(null)
                .post(
                        "/v1/wallets/w-1/top-ups",
                        "{\"amount\":1}",
                        "Content-Type",
                        "text/plain",
                        "Idempotency-Key",
                        "ev-plain");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(admin.get("/v1/events/ev-plain").status()).isEqualTo(404);

        // DNS rebinding: the right port, a foreign name.
        assertThat(rawGet("evil.example:" + ledger.port(), "/health")).startsWith("HTTP/1.1 421");
        assertThat(rawGet("localhost:" + ledger.port(), "/health")).startsWith("HTTP/1.1 200");
        assertThat(rawGet("127.0.0.1:" + ledger.port(), "/health")).startsWith("HTTP/1.1 200");
    }

    @Test
    void keysAreListedWithoutSecretsAndCheckedWhenMade() {
        JsonNode keys = admin.get("/v1/api-keys").json();
        assertThat(keys.size()).isGreaterThanOrEqualTo(8);
        assertThat(keys.toString())
                .doesNotContain("kl_")
                .doesNotContain("\"hash\"")
                .doesNotContain("\"salt\"");
        assertThat(keys).anySatisfy(k -> {
            assertThat(k.get("role").asText()).isEqualTo("merchant");
            assertThat(k.get("merchantId").asText()).isEqualTo("m-a");
            assertThat(k.get("label").asText()).isEqualTo("shop a");
        });
        assertThat(admin.post("/v1/api-keys", "{\"role\":\"merchant\"}", "Content-Type", "application/json")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("merchantId");
        assertThat(admin.post("/v1/api-keys", "{\"role\":\"root\"}", "Content-Type", "application/json")
                        .status())
                .isEqualTo(400);
        assertThat(admin.delete("/v1/api-keys/nosuchkey123").status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------------

    /** The call of a line of the table, with ids of its own ({@code cell}) where it appends. */
    private static Answer call(LedgerClient client, String method, String path, String cell) {
        if (method.equals("GET")) {
            return client.get(path);
        }
        if (method.equals("DELETE")) {
            return client.delete(path);
        }
        Function<String, Answer> json =
                body -> client.post(path, body, "Content-Type", "application/json", "Idempotency-Key", cell);
        return switch (path) {
            case "/v1/merchants" -> json.apply(merchant("mx-" + cell));
            case "/v1/merchants/m-a/fee-plan" -> json.apply("{\"feePlan\":" + PLAN + "}");
            case "/v1/merchants/m-a/payouts" ->
                json.apply("{\"payoutId\":\"hand-" + cell + "\",\"businessDate\":\"" + day + "\",\"amount\":1}");
            case "/v1/wallets" -> json.apply("{\"walletId\":\"wx-" + cell + "\",\"currency\":\"EUR\"}");
            case "/v1/wallets/w-1/top-ups", "/v1/wallets/w-1/redemptions" -> json.apply("{\"amount\":1}");
            case "/v1/wallets/w-1/micropayments" -> json.apply("{\"merchantId\":\"m-a\",\"amount\":1}");
            case "/v1/card-payments" -> json.apply(payment("cx-" + cell, "m-a", 100));
            case "/v1/card-payments/c-a/captures", "/v1/card-payments/c-a/refunds" -> json.apply("{\"amount\":1}");
            case "/v1/card-payments/c-a/chargebacks" -> json.apply("{\"amount\":1,\"reasonCode\":\"4837\"}");
            case "/v1/events" ->
                client.post(
                        path,
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"" + cell
                                + "\",\"walletId\":\"w-1\",\"amount\":1}\n",
                        "Content-Type",
                        "application/x-ndjson");
            case "/v1/api-keys" -> client.post(path, "{\"role\":\"analyst\"}", "Content-Type", "application/json");
            case "/v1/outcomes/lookup" ->
                client.post(path, "{\"eventIds\":[\"ev-topup\"]}", "Content-Type", "application/json");
            case "/internal/v1/reads" ->
                client.post(path, "{}", "Content-Type", "application/json", "Ledger-Forwarded-By", "localhost:1");
            default -> client.post(path, "", "Content-Type", "application/json");
        };
    }

    private static String makeKey(String body) {
        Answer made = admin.post("/v1/api-keys", body, "Content-Type", "application/json");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode key = made.json();
        assertThat(key.get("secret").asText())
                .startsWith("kl_" + key.get("keyId").asText() + "_");
        return key.get("secret").asText();
    }

    private static String keyIdOf(String secret) {
        return secret.substring(3, 15);
    }

    private static JsonNode decided(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).as(answer.body()).isEqualTo("ACCEPTED");
        return answer.json();
    }

    private static String merchant(String id) {
        return "{\"merchantId\":\"" + id + "\",\"name\":\"Shop " + id + "\",\"currency\":\"EUR\",\"feePlan\":" + PLAN
                + "}";
    }

    private static String payment(String paymentId, String merchantId, long amount) {
        return "{\"paymentId\":\"" + paymentId + "\",\"merchantId\":\"" + merchantId + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\"}";
    }

    /** A GET with a Host header of our choosing (java.net.http will not send one). */
    private static String rawGet(String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ledger.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
