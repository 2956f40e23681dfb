package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kleline.ledger.cli.run.LedgerClient.encode;
import static org.kleline.ledger.cli.run.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.demo.DemoLoader;
import org.kleline.ledger.cli.discovery.RunAddresses;

/**
 * {@code ledger run --demo} on a new data directory: the demo's figures (worked out by hand from
 * docs/domain.md below), then a stop and a start on the same directory, which keeps every balance and
 * does not load the demo again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoAndRestartIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Every account the demo touches, with its EUR balance after the demo. */
    private static final Map<String, Long> DEMO_BALANCES = demoBalances();

    @TempDir
    static Path dataDir;

    private static LedgerRun ledger;
    private static LedgerClient api;
    private static String demoOutput;

    @BeforeAll
    static void startWithTheDemo() {
        ledger = LedgerRun.start(new RunSettings(dataDir, 0, 3, ZoneId.of("Europe/Paris")));
        api = LedgerClient.admin(ledger);
        StringWriter out = new StringWriter();
        assertThat(DemoLoader.loadOnce(ledger.dataDir(), ledger.adminApi(), new PrintWriter(out, true)))
                .isTrue();
        demoOutput = out.toString();
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    /*
     * The settled day 1999-11-26, plan cardBps 180, cardFixed 25, microBps 500, microFixed 2, chargebackFee 1500,
     * partnerShareBps 3000. Micro fees: 120 -> 6+2 = 8 (commission 2); 80 -> 4+2 = 6 (2); 150 -> halfEven(7.5) = 8,
     * +2 = 10 (3); 450 -> halfEven(22.5) = 22, +2 = 24 (7); 300 -> 15+2 = 17 (5). Card fees: 4590 -> halfEven(82.62)
     * = 83, +25 = 108 (32); 12000 -> 216+25 = 241 (72); 2000 -> 36+25 = 61 (18). Chargeback fee 1500, no commission.
     * m-librairie: gross 16590, refunds 1290, chargebacks 12000, fees 108+241+1500 = 1849, commission 104, net 1451.
     * Live: w-alice -> m-presse 250: fee halfEven(12.5) = 12, +2 = 14, commission halfEven(4.2) = 4.
     */
    @Test
    @Order(1)
    void theDemoPrintsItsFigures() {
        assertThat(demoOutput)
                .contains("imported 22 events of 1999-11-26 with their own times (POST /v1/events): all ACCEPTED")
                .contains("settled 1999-11-26 (POST /v1/settlements/1999-11-26/settle): 3 payouts "
                        + "(m-jeux 2648, m-librairie 1451, m-presse 326)")
                .contains("micropayment w-alice -> m-presse 250 (Prefer: wait=10): ACCEPTED")
                .contains("wallet:w-alice -250")
                .contains("merchant:m-presse +236")
                .contains("platform:fees +10")
                .contains("partner:p-portail +4")
                .contains(
                        "micropayment w-chloe -> m-jeux 900 (Prefer: wait=10): REJECTED (INSUFFICIENT_FUNDS), no posting")
                .contains("balance of wallet:w-alice")
                .contains("4550 EUR (credits 5000, debits 450)")
                .contains("settlement m-librairie 1999-11-26: count 2, gross 16590, refunds 1290, chargebacks 12000, "
                        + "fees 1849 (commission 104), net 1451, paid out 1451: PAID")
                .contains("trial balance EUR: total 0 over 11 accounts");
    }

    @Test
    @Order(2)
    void theDemoFiguresAreTheApisFigures() {
        DEMO_BALANCES.forEach((account, balance) -> await().atMost(SETTLE)
                .untilAsserted(
                        () -> assertThat(api.balanceEur(account)).as(account).isEqualTo(balance)));
        assertThat(api.get("/v1/merchants/m-presse/settlements?from=1999-11-26&to=1999-11-26")
                        .json())
                .isEqualTo(json(
                        "[{\"merchantId\":\"m-presse\",\"date\":\"1999-11-26\",\"currency\":\"EUR\",\"count\":3,\"gross\":350,"
                                + "\"refunds\":0,\"chargebacks\":0,\"fees\":24,\"commission\":7,\"net\":326,\"paidOut\":326,"
                                + "\"payouts\":1,\"status\":\"PAID\"}]"));
        assertThat(api.get("/v1/card-payments/c-1002").json().get("status").asText())
                .isEqualTo("CHARGED_BACK");
        assertThat(api.get("/v1/card-payments/c-1001").json().get("status").asText())
                .isEqualTo("PARTIALLY_REFUNDED");
        assertThat(sumOf(DEMO_BALANCES)).isZero();
    }

    @Test
    @Order(3)
    void aRestartOnTheSameDataDirectoryKeepsEveryBalanceAndLoadsNoDemoAgain() throws java.io.IOException {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        DEMO_BALANCES
                .keySet()
                .forEach(account -> before.put(
                        account,
                        api.get("/v1/accounts/" + encode(account) + "/balances").json()));
        JsonNode trialBefore = api.get("/v1/trial-balance").json();
        String bootstrapBefore = ledger.bootstrapServers();
        // The first start made the admin key, and wrote it for its owner only.
        assertThat(ledger.adminKey().madeNow()).isTrue();
        String adminKeyId = ledger.adminKey().keyId();
        assertThat(Files.readString(dataDir.resolve("admin.key")).trim())
                .isEqualTo(ledger.adminKey().secret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin.key"))))
                .isEqualTo("rw-------");
        assertThat(RunAddresses.readFrom(dataDir))
                .isEqualTo(RunAddresses.ofThisProcess(
                        ledger.bootstrapServers(),
                        ledger.schemaRegistryUrl(),
                        ledger.httpUrl(),
                        ZoneId.of("Europe/Paris")));
        ledger.close();
        // A stopped run leaves no addresses for a command to follow.
        assertThat(dataDir.resolve(RunAddresses.FILE_NAME)).doesNotExist();

        ledger = LedgerRun.start(new RunSettings(dataDir, 0, 3, ZoneId.of("Europe/Paris")));
        api = LedgerClient.admin(ledger);
        assertThat(RunAddresses.readFrom(dataDir).apiUrl()).isEqualTo(ledger.httpUrl());

        assertThat(ledger.bootstrapServers()).isEqualTo(bootstrapBefore);
        // A later start reuses the admin key of the data directory: nothing new is made or printed.
        assertThat(ledger.adminKey().madeNow()).isFalse();
        assertThat(ledger.adminKey().keyId()).isEqualTo(adminKeyId);
        assertThat(ledger.adminKey().problem()).isEmpty();
        before.forEach((account, balances) -> assertThat(
                        api.get("/v1/accounts/" + encode(account) + "/balances").json())
                .as(account)
                .isEqualTo(balances));
        assertThat(api.get("/v1/trial-balance").json()).isEqualTo(trialBefore);
        StringWriter out = new StringWriter();
        assertThat(DemoLoader.loadOnce(ledger.dataDir(), ledger.adminApi(), new PrintWriter(out, true)))
                .isFalse();
        assertThat(Files.exists(dataDir.resolve(DemoLoader.MARKER))).isTrue();

        // And it goes on deciding: the same key answers its first outcome, a new write moves money.
        JsonNode replay = api.write(
                        "/v1/wallets/w-chloe/micropayments",
                        "{\"merchantId\":\"m-jeux\",\"amount\":900}",
                        "demo-live-mp-2")
                .json();
        assertThat(replay.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(api.write(
                                "/v1/wallets/w-chloe/micropayments",
                                "{\"merchantId\":\"m-jeux\",\"amount\":50}",
                                "after-restart-mp")
                        .json()
                        .get("outcome")
                        .asText())
                .isEqualTo("ACCEPTED");
        await().atMost(SETTLE)
                .untilAsserted(
                        () -> assertThat(api.balanceEur("wallet:w-chloe")).isEqualTo(500));
    }

    private static Map<String, Long> demoBalances() {
        Map<String, Long> b = new LinkedHashMap<>();
        b.put("wallet:w-alice", 5000L - 120 - 80 - 250);
        b.put("wallet:w-bruno", 2000L - 150 - 300);
        b.put("wallet:w-chloe", 1000L - 450);
        // Merchants are paid out their day's net; m-presse keeps today's live micropayment (250 - 14).
        b.put("merchant:m-presse", 236L);
        b.put("merchant:m-librairie", 0L);
        b.put("merchant:m-jeux", 0L);
        b.put("partner:p-portail", 2L + 2 + 3 + 32 + 72 + 4);
        b.put("partner:p-annuaire", 7L + 5 + 18);
        b.put(
                "platform:fees",
                (8L - 2)
                        + (6 - 2)
                        + (10 - 3)
                        + (24 - 7)
                        + (17 - 5)
                        + (108 - 32)
                        + (241 - 72)
                        + (61 - 18)
                        + 1500
                        + (14 - 4));
        // Top-ups debit it; refunds and chargebacks credit it; captures debit it.
        b.put("platform:card-clearing", -8000L - 4590 - 12000 - 2000 + 1290 + 12000);
        b.put("platform:payouts", 2648L + 1451 + 326);
        return b;
    }

    private static long sumOf(Map<String, Long> balances) {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    static List<String> accounts() {
        return List.copyOf(DEMO_BALANCES.keySet());
    }
}
