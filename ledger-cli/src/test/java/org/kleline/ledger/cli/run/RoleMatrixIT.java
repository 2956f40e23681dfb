package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.cli.run.LedgerClient.Answer;
import org.kleline.ledger.web.auth.KafkaApiKeys;

/**
 * Who may call what (docs/api.md, docs/security.md), on the whole product of {@code ledger run}: the table of
 * {@link RoleMatrix}, every route answered by the one server; and what a key's scope and the gate do beyond the
 * status of a call.
 */
@ExtendWith(LedgerRunPerClass.class)
class RoleMatrixIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration DECIDED = RoleMatrix.DECIDED;

    private static LedgerRun ledger;
    private static LedgerClient admin;
    private static RoleMatrix matrix;
    private static LocalDate day;

    @BeforeAll
    static void start(LedgerRun run) {
        ledger = run;
        admin = LedgerClient.admin(ledger);
        matrix = RoleMatrix.prepare(admin, admin, PARIS, KafkaApiKeys.PROPAGATION_BOUND);
        day = matrix.day();
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() {
        matrix.assertEveryCell((method, path) -> List.of(admin));
    }

    @Test
    void aMerchantKeySeesItsOwnSettlementRowsOfADateOnlyAndAppendedByIsForAdminAndAuditor() {
        LedgerClient merchantA = admin.withKey(matrix.key("merchant"));
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

        String merchantKeyId = RoleMatrix.keyIdOf(matrix.key("merchant"));
        assertThat(admin.get("/v1/events/ev-auth-a").json().get("appendedBy").asText())
                .isEqualTo(merchantKeyId);
        assertThat(admin.withKey(matrix.key("auditor"))
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
        LedgerClient wallets = admin.withKey(matrix.key("wallets"));
        RoleMatrix.decided(wallets.write("/v1/wallets/w-1/top-ups", "{\"amount\":300}", "ev-idem"));

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
        LedgerClient other = admin.withKey(matrix.key("other"));
        Answer hijack = other.write("/v1/card-payments", RoleMatrix.payment("c-a", "m-b", 5000), "ev-auth-a");
        assertThat(hijack.status()).as(hijack.body()).isEqualTo(422);
        assertThat(hijack.body()).doesNotContain("postings").doesNotContain("ACCEPTED");
        // Even the very same body from another principal is not answered the first outcome.
        LedgerClient secondA = admin.withKey(matrix.makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-a\"}"));
        assertThat(secondA.write("/v1/card-payments", RoleMatrix.payment("c-a", "m-a", 5000), "ev-auth-a")
                        .status())
                .isEqualTo(200);
        Answer fromWallets = wallets.write("/v1/wallets/w-1/top-ups", "{\"amount\":5000}", "ev-topup");
        assertThat(fromWallets.status()).isEqualTo(422);
        assertThat(admin.get("/v1/accounts/wallet:w-1/entries?limit=1000").body())
                .doesNotContain("\"amount\":301");
    }

    @Test
    void browserStyleRequestsAreRefused() throws IOException {
        Answer plain = plainTextTopUp(admin);
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
        Answer anonymous = plainTextTopUp(admin.withKey(null));
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

    /** A top-up of w-1 as a browser form might send it: JSON in a {@code text/plain} body. */
    private static Answer plainTextTopUp(LedgerClient caller) {
        return caller.post(
                "/v1/wallets/w-1/top-ups",
                "{\"amount\":1}",
                "Content-Type",
                "text/plain",
                "Idempotency-Key",
                "ev-plain");
    }
}
