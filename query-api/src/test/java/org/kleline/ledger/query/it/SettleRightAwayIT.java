package org.kleline.ledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.run.IngestInstance;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * A day's events appended and settled at once, with no wait for their outcomes: the payouts are the
 * exact nets of docs/domain.md, refund, chargeback and fees included, because the settle reads its rows
 * behind the projector's catch-up barrier. A settle right after a settle pays nothing.
 *
 * <p>Figures, worked by hand. Plan A (m-sa, partner p-s): card 2.5% + 25, micro 5% + 0, chargeback
 * fee 1500, partner 20%. Plan B (m-sb, m-sc): card 2% + 30, micro 3% + 5, chargeback fee 1000.
 * <ul>
 *   <li>m-sa on 2026-03-10: micropayment 1200 (fee 60, commission 12), captures 20000 (fee 525,
 *       commission 105) and 8000 (fee 225, commission 45), refund 3000 of the first, chargeback 8000
 *       of the second (fee 1500): gross 29200, fees 2310, net 29200 - 3000 - 8000 - 2310 = 15890.</li>
 *   <li>m-sb on 2026-03-10: micropayment 500, fee 15 + 5 = 20: net 480.</li>
 *   <li>m-sc on 2026-03-10: capture 1000 (fee 50), refunded whole: net -50, nothing due.</li>
 *   <li>m-sb on 2026-03-11: capture 5000 (fee 130), chargeback 2000 (fee 1000): net 1870.</li>
 * </ul>
 * Before each day, 400 wallets opened and topped up on another date keep the projector busy, so
 * the rows of the day lag its outcomes as they do under load.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SettleRightAwayIT {

    private static final String PLAN_A = "{\"cardBps\":250,\"cardFixed\":25,\"microBps\":500,\"microFixed\":0,"
            + "\"chargebackFee\":1500,\"partnerShareBps\":2000}";
    private static final String PLAN_B = "{\"cardBps\":200,\"cardFixed\":30,\"microBps\":300,\"microFixed\":5,"
            + "\"chargebackFee\":1000,\"partnerShareBps\":0}";
    private static final int NOISE_WALLETS = 400;

    @TempDir
    static Path stateDir;

    static QueryNode node;
    static IngestRuntime ingest;
    static LedgerHttpServer ingestServer;

    @BeforeAll
    static void startNodeAndIngest(EmbeddedLedgerInfrastructure infra) {
        node = QueryNode.start(infra, "settle-right-away-it", stateDir.resolve("node"), LoopbackPorts.chooseFree(1)[0]);
        Map<String, Object> clients = new LinkedHashMap<>();
        clients.put("bootstrap.servers", infra.bootstrapServers());
        clients.put("schema.registry.url", infra.schemaRegistryUrl());
        ingest = IngestRuntime.start(
                clients,
                Topics.create(clients),
                IngestConfig.defaults().withImportEnabled(true),
                node.api.outcomeLookup(),
                Optional.of(node.api.settlementRows()),
                Clock.systemUTC(),
                IngestInstance.unique());
        ingestServer = LedgerHttpServer.create(0, List.of(ingest.routes())).start();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> node.get("/health").statusCode() == 200);
        assertThat(importLines(String.join(
                        "\n",
                        line(
                                "MerchantOnboarded",
                                "on-m-sa",
                                "2026-03-10T07:00:00Z",
                                "\"merchantId\":\"m-sa\",\"name\":\"A\","
                                        + "\"partnerId\":\"p-s\",\"currency\":\"EUR\",\"feePlan\":" + PLAN_A),
                        line(
                                "MerchantOnboarded",
                                "on-m-sb",
                                "2026-03-10T07:00:01Z",
                                "\"merchantId\":\"m-sb\",\"name\":\"B\"," + "\"currency\":\"EUR\",\"feePlan\":"
                                        + PLAN_B),
                        line(
                                "MerchantOnboarded",
                                "on-m-sc",
                                "2026-03-10T07:00:02Z",
                                "\"merchantId\":\"m-sc\",\"name\":\"C\"," + "\"currency\":\"EUR\",\"feePlan\":"
                                        + PLAN_B),
                        line(
                                "WalletOpened",
                                "open-w-s",
                                "2026-03-10T07:10:00Z",
                                "\"walletId\":\"w-s\",\"currency\":\"EUR\",\"maxBalance\":100000"),
                        line(
                                "WalletToppedUp",
                                "top-w-s",
                                "2026-03-10T07:11:00Z",
                                "\"walletId\":\"w-s\",\"amount\":50000"))))
                .isEqualTo(5);
    }

    @AfterAll
    static void stop() {
        if (ingestServer != null) {
            ingestServer.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aDaySettledTheMomentItIsAppendedPaysEachMerchantItsNetAfterRefundsChargebacksAndFees() {
        importLines(noise("n10", "2026-03-09") + "\n"
                + String.join(
                        "\n",
                        line(
                                "MicropaymentRequested",
                                "mp-sa-1",
                                "2026-03-10T09:00:00Z",
                                "\"walletId\":\"w-s\",\"merchantId\":\"m-sa\",\"amount\":1200"),
                        line(
                                "MicropaymentRequested",
                                "mp-sb-1",
                                "2026-03-10T09:01:00Z",
                                "\"walletId\":\"w-s\",\"merchantId\":\"m-sb\",\"amount\":500"),
                        line(
                                "CardPaymentAuthorized",
                                "auth-c-s1",
                                "2026-03-10T09:10:00Z",
                                "\"paymentId\":\"c-s1\",\"merchantId\":\"m-sa\",\"amount\":20000,\"currency\":\"EUR\""),
                        line(
                                "CardPaymentCaptured",
                                "cap-c-s1",
                                "2026-03-10T09:11:00Z",
                                "\"paymentId\":\"c-s1\",\"amount\":20000"),
                        line(
                                "CardPaymentAuthorized",
                                "auth-c-s2",
                                "2026-03-10T09:20:00Z",
                                "\"paymentId\":\"c-s2\",\"merchantId\":\"m-sa\",\"amount\":8000,\"currency\":\"EUR\""),
                        line(
                                "CardPaymentCaptured",
                                "cap-c-s2",
                                "2026-03-10T09:21:00Z",
                                "\"paymentId\":\"c-s2\",\"amount\":8000"),
                        line(
                                "CardPaymentAuthorized",
                                "auth-c-s3",
                                "2026-03-10T09:30:00Z",
                                "\"paymentId\":\"c-s3\",\"merchantId\":\"m-sc\",\"amount\":1000,\"currency\":\"EUR\""),
                        line(
                                "CardPaymentCaptured",
                                "cap-c-s3",
                                "2026-03-10T09:31:00Z",
                                "\"paymentId\":\"c-s3\",\"amount\":1000"),
                        line(
                                "CardPaymentRefunded",
                                "ref-c-s1",
                                "2026-03-10T10:00:00Z",
                                "\"paymentId\":\"c-s1\",\"amount\":3000"),
                        line(
                                "CardPaymentChargedBack",
                                "cb-c-s2",
                                "2026-03-10T10:30:00Z",
                                "\"paymentId\":\"c-s2\",\"amount\":8000,\"reasonCode\":\"4837\""),
                        line(
                                "CardPaymentRefunded",
                                "ref-c-s3",
                                "2026-03-10T11:00:00Z",
                                "\"paymentId\":\"c-s3\",\"amount\":1000")));

        HttpResponse<String> settled = post("/v1/settlements/2026-03-10/settle", "");

        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        assertThat(QueryNode.parse(settled.body()))
                .isEqualTo(QueryNode.parse("{\"date\":\"2026-03-10\",\"payouts\":["
                        + "{\"merchantId\":\"m-sa\",\"payoutId\":\"po-m-sa-2026-03-10\",\"amount\":15890},"
                        + "{\"merchantId\":\"m-sb\",\"payoutId\":\"po-m-sb-2026-03-10\",\"amount\":480}]}"));

        HttpResponse<String> again = post("/v1/settlements/2026-03-10/settle", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(QueryNode.parse(again.body()))
                .isEqualTo(QueryNode.parse("{\"date\":\"2026-03-10\",\"payouts\":[]}"));

        JsonNode rows = node.json("/v1/settlements/2026-03-10");
        assertThat(rows)
                .isEqualTo(QueryNode.parse("["
                        + "{\"merchantId\":\"m-sa\",\"date\":\"2026-03-10\",\"currency\":\"EUR\",\"count\":3,\"gross\":29200,"
                        + "\"refunds\":3000,\"chargebacks\":8000,\"fees\":2310,\"commission\":162,\"net\":15890,"
                        + "\"paidOut\":15890,\"payouts\":1,\"status\":\"PAID\"},"
                        + "{\"merchantId\":\"m-sb\",\"date\":\"2026-03-10\",\"currency\":\"EUR\",\"count\":1,\"gross\":500,"
                        + "\"refunds\":0,\"chargebacks\":0,\"fees\":20,\"commission\":0,\"net\":480,"
                        + "\"paidOut\":480,\"payouts\":1,\"status\":\"PAID\"},"
                        + "{\"merchantId\":\"m-sc\",\"date\":\"2026-03-10\",\"currency\":\"EUR\",\"count\":1,\"gross\":1000,"
                        + "\"refunds\":1000,\"chargebacks\":0,\"fees\":50,\"commission\":0,\"net\":-50,"
                        + "\"paidOut\":0,\"payouts\":0,\"status\":\"OPEN\"}]"));
        // The payouts are events the settle run appended; they are decided after it answered: wait for them.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                node.json("/v1/merchants/m-sa").path("balance").asLong())
                        .isZero());
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                node.json("/v1/events/po-m-sa-2026-03-10").path("postings"))
                        .isEqualTo(QueryNode.parse("["
                                + "{\"account\":\"merchant:m-sa\",\"currency\":\"EUR\",\"amount\":-15890},"
                                + "{\"account\":\"platform:payouts\",\"currency\":\"EUR\",\"amount\":15890}]")));
    }

    @Test
    void caughtUpRowsReadTheMomentADayIsAppendedIncludeItsChargeback() {
        importLines(noise("n11", "2026-03-08") + "\n"
                + String.join(
                        "\n",
                        line(
                                "CardPaymentAuthorized",
                                "auth-c-s4",
                                "2026-03-11T09:00:00Z",
                                "\"paymentId\":\"c-s4\",\"merchantId\":\"m-sb\",\"amount\":5000,\"currency\":\"EUR\""),
                        line(
                                "CardPaymentCaptured",
                                "cap-c-s4",
                                "2026-03-11T09:05:00Z",
                                "\"paymentId\":\"c-s4\",\"amount\":5000"),
                        line(
                                "CardPaymentChargedBack",
                                "cb-c-s4",
                                "2026-03-11T12:00:00Z",
                                "\"paymentId\":\"c-s4\",\"amount\":2000,\"reasonCode\":\"4853\"")));

        HttpResponse<String> rows = node.get("/v1/settlements/2026-03-11?caughtUp=true");

        assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
        assertThat(QueryNode.parse(rows.body()))
                .isEqualTo(QueryNode.parse("["
                        + "{\"merchantId\":\"m-sb\",\"date\":\"2026-03-11\",\"currency\":\"EUR\",\"count\":1,\"gross\":5000,"
                        + "\"refunds\":0,\"chargebacks\":2000,\"fees\":1130,\"commission\":0,\"net\":1870,"
                        + "\"paidOut\":0,\"payouts\":0,\"status\":\"OPEN\"}]"));
    }

    /** Wallets opened and topped up on {@code date}: work for every partition, touching no row of the days settled. */
    private static String noise(String prefix, String date) {
        return IntStream.range(0, NOISE_WALLETS)
                .mapToObj(i -> {
                    String wallet = "w-" + prefix + "-" + i;
                    return line(
                                    "WalletOpened",
                                    "open-" + wallet,
                                    date + "T08:00:00Z",
                                    "\"walletId\":\"" + wallet + "\",\"currency\":\"EUR\"")
                            + "\n"
                            + line(
                                    "WalletToppedUp",
                                    "top-" + wallet,
                                    date + "T08:01:00Z",
                                    "\"walletId\":\"" + wallet + "\",\"amount\":" + (100 + i));
                })
                .collect(Collectors.joining("\n"));
    }

    private static String line(String type, String eventId, String occurredAt, String fields) {
        return "{\"type\":\"" + type + "\",\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + occurredAt + "\","
                + fields + "}";
    }

    /** Appends the lines in one transaction; returns how many were accepted. */
    private static long importLines(String ndjson) {
        HttpResponse<String> r = post("/v1/events", ndjson);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return QueryNode.parse(r.body()).path("accepted").asLong();
    }

    private static HttpResponse<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestServer.port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", path.equals("/v1/events") ? "application/x-ndjson" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return QueryNode.send(request, "POST " + path);
    }
}
