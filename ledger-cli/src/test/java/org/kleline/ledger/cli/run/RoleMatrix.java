package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kleline.ledger.cli.run.LedgerClient.Answer;

/**
 * Who may call what (docs/api.md, docs/security.md) as one table, for every topology: every route, called
 * with no key, a revoked key, a key of each role, and a merchant key of another merchant; the status of
 * every cell is {@link #TABLE}, every refusal is a problem body, and every refused write appends nothing.
 * {@code ledger run} answers every route on one server ({@link RoleMatrixIT}); {@code ledger node} and
 * {@code ledger ingest} each answer theirs ({@code SplitRoleMatrixIT}), given by a {@link Placement}.
 */
public final class RoleMatrix {

    /** The admin clients of the servers answering a route of the table (one or more). */
    @FunctionalInterface
    public interface Placement {
        List<LedgerClient> serversOf(String method, String path);
    }

    public static final Duration DECIDED = Duration.ofSeconds(30);
    public static final String PLAN = "{\"cardBps\":200,\"cardFixed\":20,\"microBps\":500,\"microFixed\":2,"
            + "\"chargebackFee\":1000,\"partnerShareBps\":0}";

    /** The callers, in the order of the table's columns. */
    public static final List<String> CALLERS =
            List.of("none", "revoked", "admin", "merchant", "wallets", "analyst", "auditor", "other");

    /**
     * One line per route: the call, then the status each caller gets. {@code merchant} is bound to m-a,
     * {@code other} is a merchant key of m-b, {@code revoked} an admin key that was revoked.
     */
    public static final String TABLE = """
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

    /** The routes of the table. */
    public static final int ROUTES = 37;

    private final LedgerClient writer;
    private final LedgerClient reader;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final String spareKeyId;
    private final LocalDate day;

    private RoleMatrix(LedgerClient writer, LedgerClient reader, ZoneId zone, Duration keyBound) {
        this.writer = writer;
        this.reader = reader;
        keys.put("none", null);
        keys.put("admin", adminKeyOf(writer));
        keys.put("merchant", makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-a\",\"label\":\"shop a\"}"));
        keys.put("wallets", makeKey("{\"role\":\"wallets\"}"));
        keys.put("analyst", makeKey("{\"role\":\"analyst\"}"));
        keys.put("auditor", makeKey("{\"role\":\"auditor\"}"));
        keys.put("other", makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-b\"}"));
        String revoked = makeKey("{\"role\":\"admin\",\"label\":\"to revoke\"}");
        keys.put("revoked", revoked);
        this.spareKeyId = keyIdOf(makeKey("{\"role\":\"analyst\",\"label\":\"spare\"}"));
        // Every key made on the server of writes is known to the server of reads (each checked once: PBKDF2).
        await().atMost(DECIDED)
                .until(() -> keys.values().stream()
                        .filter(key -> key != null)
                        .allMatch(key ->
                                reader.withKey(key).get("/v1/trial-balance").status() != 401));
        // Revoked on the server of writes: refused by the server of reads within the documented bound.
        assertThat(writer.delete("/v1/api-keys/" + keyIdOf(revoked)).status()).isEqualTo(200);
        await().atMost(keyBound)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> reader.withKey(revoked).get("/v1/trial-balance").status() == 401);

        decided(writer.write("/v1/merchants", merchant("m-a"), "ev-onboard-a"));
        decided(writer.write("/v1/merchants", merchant("m-b"), "ev-onboard-b"));
        decided(writer.write("/v1/wallets", "{\"walletId\":\"w-1\",\"currency\":\"EUR\"}", "ev-open"));
        JsonNode topUp = decided(writer.write("/v1/wallets/w-1/top-ups", "{\"amount\":10000}", "ev-topup"));
        this.day = Instant.parse(topUp.get("occurredAt").asText()).atZone(zone).toLocalDate();
        LedgerClient merchantA = writer.withKey(keys.get("merchant"));
        decided(merchantA.write("/v1/card-payments", payment("c-a", "m-a", 5000), "ev-auth-a"));
        // A merchant captures its own payment once the views show it as its own.
        await().atMost(DECIDED).until(() -> reader.get("/v1/card-payments/c-a").status() == 200);
        decided(merchantA.write("/v1/card-payments/c-a/captures", "{\"amount\":1000}", "ev-capture-a"));
        decided(writer.withKey(keys.get("other")).write("/v1/card-payments", payment("c-b", "m-b", 7000), "ev-auth-b"));
        decided(writer.write("/v1/card-payments/c-b/captures", "{\"amount\":7000}", "ev-capture-b"));
        await().atMost(DECIDED)
                .until(() -> reader.get("/v1/card-payments/c-a").status() == 200
                        && reader.get("/v1/card-payments/c-b").status() == 200
                        && reader.get("/v1/merchants/m-b/settlements?from=" + day + "&to=" + day)
                                .body()
                                .contains("\"gross\""));
    }

    /**
     * Makes the keys of every caller through {@code writer} (an admin client of a server answering
     * {@code /v1/api-keys} and the writes), waits until {@code reader} (an admin client of the reads) knows them
     * and refuses the revoked one (at most {@code keyBound}), then appends the events the table reads.
     */
    public static RoleMatrix prepare(LedgerClient writer, LedgerClient reader, ZoneId zone, Duration keyBound) {
        return new RoleMatrix(writer, reader, zone, keyBound);
    }

    public String key(String caller) {
        return keys.get(caller);
    }

    public LocalDate day() {
        return day;
    }

    /** Calls every route of the table on every server {@code placement} gives, as every caller; asserts each cell. */
    public void assertEveryCell(Placement placement) {
        List<String> mismatches = new ArrayList<>();
        List<String> refusedWrites = new ArrayList<>();
        List<String> permittedWrites = new ArrayList<>();
        int cells = 0;
        int routes = 0;
        int expectedCells = 0;
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            routes++;
            String[] parts = line.trim().split("\\s+");
            assertThat(parts).as(line).hasSize(2 + CALLERS.size());
            String method = parts[0];
            String path = parts[1].replace("{day}", day.toString()).replace("{spare}", spareKeyId);
            List<LedgerClient> servers = placement.serversOf(method, parts[1]);
            assertThat(servers).as("the servers of " + line).isNotEmpty();
            expectedCells += servers.size() * CALLERS.size();
            for (LedgerClient server : servers) {
                for (int i = 0; i < CALLERS.size(); i++) {
                    String caller = CALLERS.get(i);
                    int expected = Integer.parseInt(parts[2 + i]);
                    String cell = "x" + cells++;
                    Answer answer = call(server.withKey(keys.get(caller)), method, path, cell);
                    String where = method + " " + path + " as " + caller + " on " + server;
                    if (answer.status() != expected) {
                        mismatches.add(
                                where + ": " + answer.status() + " (expected " + expected + "): " + answer.body());
                        continue;
                    }
                    if (expected >= 400) {
                        assertThat(answer.header("Content-Type")).as(where).startsWith("application/problem+json");
                        assertThat(answer.json().get("status").asInt())
                                .as(where)
                                .isEqualTo(expected);
                        if (expected == 401) {
                            assertThat(answer.header("WWW-Authenticate"))
                                    .as(where)
                                    .startsWith("Bearer");
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
        }
        assertThat(mismatches).isEmpty();
        assertThat(routes).isEqualTo(ROUTES);
        assertThat(cells).isEqualTo(expectedCells);

        // Every refusal appended nothing: once the writes let through are decided, the refused ids have no outcome.
        await().atMost(DECIDED)
                .until(() -> permittedWrites.stream()
                        .allMatch(id -> reader.get("/v1/events/" + id).status() == 200));
        assertThat(refusedWrites)
                .isNotEmpty()
                .allSatisfy(id ->
                        assertThat(reader.get("/v1/events/" + id).status()).isEqualTo(404));
    }

    /** The call of a line of the table, with ids of its own ({@code cell}) where it appends. */
    private Answer call(LedgerClient client, String method, String path, String cell) {
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

    /** A new key made through the server of writes; its secret. */
    public String makeKey(String body) {
        Answer made = writer.post("/v1/api-keys", body, "Content-Type", "application/json");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode key = made.json();
        assertThat(key.get("secret").asText())
                .startsWith("kl_" + key.get("keyId").asText() + "_");
        return key.get("secret").asText();
    }

    public static String keyIdOf(String secret) {
        return secret.substring(3, 15);
    }

    public static JsonNode decided(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).as(answer.body()).isEqualTo("ACCEPTED");
        return answer.json();
    }

    public static String merchant(String id) {
        return "{\"merchantId\":\"" + id + "\",\"name\":\"Shop " + id + "\",\"currency\":\"EUR\",\"feePlan\":" + PLAN
                + "}";
    }

    public static String payment(String paymentId, String merchantId, long amount) {
        return "{\"paymentId\":\"" + paymentId + "\",\"merchantId\":\"" + merchantId + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\"}";
    }

    private static String adminKeyOf(LedgerClient admin) {
        return admin.apiKey();
    }
}
