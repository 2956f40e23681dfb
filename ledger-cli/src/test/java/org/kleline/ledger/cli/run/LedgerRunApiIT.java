package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kleline.ledger.cli.run.LedgerClient.encode;
import static org.kleline.ledger.cli.run.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.cli.run.LedgerClient.Answer;
import org.kleline.ledger.web.server.ApiDocument;

/**
 * The whole ledger of {@code ledger run}, started in this JVM on a temporary data directory and a free
 * port, driven through HTTP only: every endpoint of docs/api.md, exact figures of small scenarios.
 */
@ExtendWith(LedgerRunPerClass.class)
class LedgerRunApiIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** The failsafe run is in the module's directory. */
    private static final Path OPENAPI = Path.of("..", "docs", "openapi.json");
    /** The series operators are told to watch, and the dashboard that draws them. */
    private static final List<Path> METRICS_NAMED_IN = List.of(
            Path.of("..", "docs", "operations.md"), Path.of("..", "docker", "grafana", "ledger-dashboard.json"));

    private static final Pattern SERIES = Pattern.compile("ledger_[a-z0-9_]+");
    /** Only on a cluster of nodes: a single ledger run forwards no read. */
    private static final String CLUSTER_ONLY = "ledger_query_forwards_";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PLAN = "{\"cardBps\":250,\"cardFixed\":30,\"microBps\":1000,\"microFixed\":5,"
            + "\"chargebackFee\":1500,\"partnerShareBps\":2500}";
    private static final String CARD_PLAN = "{\"cardBps\":200,\"cardFixed\":20,\"microBps\":0,\"microFixed\":0,"
            + "\"chargebackFee\":1000,\"partnerShareBps\":0}";

    private static LedgerRun ledger;
    private static LedgerClient api;

    @BeforeAll
    static void start(LedgerRun run) {
        ledger = run;
        api = LedgerClient.admin(ledger);
    }

    @Test
    void aMicropaymentWithPreferWaitIsAcceptedWithItsPostingsAndEveryFigureFollows() {
        assertAccepted(api.write(
                "/v1/merchants",
                "{\"merchantId\":\"m-fig\",\"name\":\"Figures\",\"partnerId\":\"p-fig\","
                        + "\"currency\":\"EUR\",\"feePlan\":" + PLAN + "}",
                "fig-onboard"));
        assertAccepted(api.write("/v1/wallets", "{\"walletId\":\"w-fig\",\"currency\":\"EUR\"}", "fig-open"));
        Answer topUp = api.write("/v1/wallets/w-fig/top-ups", "{\"amount\":10000}", "fig-topup");
        assertAccepted(topUp);
        assertThat(postings(topUp.json()))
                .containsExactlyInAnyOrder("platform:card-clearing EUR -10000", "wallet:w-fig EUR 10000");

        Answer micropayment =
                api.write("/v1/wallets/w-fig/micropayments", "{\"merchantId\":\"m-fig\",\"amount\":1000}", "fig-mp");

        // fee = min(1000, halfEven(1000 * 1000, 10000) + 5) = 105; commission = halfEven(105 * 2500, 10000) = 26
        assertThat(micropayment.status()).isEqualTo(200);
        JsonNode outcome = micropayment.json();
        assertThat(outcome.get("eventId").asText()).isEqualTo("fig-mp");
        assertThat(outcome.get("type").asText()).isEqualTo("MicropaymentRequested");
        assertThat(outcome.get("key").asText()).isEqualTo("wallet:w-fig");
        assertThat(outcome.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(postings(outcome))
                .containsExactlyInAnyOrder(
                        "wallet:w-fig EUR -1000",
                        "merchant:m-fig EUR 895",
                        "platform:fees EUR 79",
                        "partner:p-fig EUR 26");
        awaitOutcomeView("fig-mp", outcome);

        awaitBalance("wallet:w-fig", 9000);
        assertThat(api.get("/v1/accounts/" + encode("wallet:w-fig") + "/balances")
                        .json())
                .isEqualTo(json("[{\"currency\":\"EUR\",\"balance\":9000,\"credits\":10000,\"debits\":1000}]"));
        awaitBalance("merchant:m-fig", 895);
        awaitBalance("partner:p-fig", 26);
        assertHasFields(
                api.get("/v1/wallets/w-fig").json(),
                json("{\"walletId\":\"w-fig\",\"currency\":\"EUR\",\"balance\":9000,\"maxBalance\":15000}"));
        JsonNode merchant = api.get("/v1/merchants/m-fig").json();
        assertHasFields(
                merchant,
                json("{\"merchantId\":\"m-fig\",\"name\":\"Figures\",\"partnerId\":\"p-fig\","
                        + "\"currency\":\"EUR\",\"feePlan\":" + PLAN + ",\"balance\":895}"));

        JsonNode statement =
                api.get("/v1/accounts/" + encode("wallet:w-fig") + "/entries").json();
        List<String> lines = new ArrayList<>();
        statement
                .get("entries")
                .forEach(e -> lines.add(e.get("eventId").asText() + " "
                        + e.get("type").asText() + " " + e.get("currency").asText() + " "
                        + e.get("amount").asLong() + " -> "
                        + e.get("balanceAfter").asLong()));
        assertThat(lines)
                .containsExactly(
                        "fig-topup WalletToppedUp EUR 10000 -> 10000",
                        "fig-mp MicropaymentRequested EUR -1000 -> 9000");
        assertThat(api.get("/v1/accounts/" + encode("platform:fees") + "/entries?limit=1000")
                        .json()
                        .get("entries"))
                .anySatisfy(e -> {
                    assertThat(e.get("eventId").asText()).isEqualTo("fig-mp");
                    assertThat(e.get("amount").asLong()).isEqualTo(79);
                });

        LocalDate day = businessDate(outcome);
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(api.get("/v1/merchants/m-fig/settlements?from=" + day + "&to=" + day)
                                .json())
                        .isEqualTo(json("[{\"merchantId\":\"m-fig\",\"date\":\"" + day
                                + "\",\"currency\":\"EUR\",\"count\":1,\"gross\":1000,"
                                + "\"refunds\":0,\"chargebacks\":0,\"fees\":105,\"commission\":26,\"net\":895,\"paidOut\":0,"
                                + "\"payouts\":0,\"status\":\"OPEN\"}]")));
        awaitTrialBalanceZero();
    }

    @Test
    void everyOtherWriteAndReadOfTheApiAnswers() {
        // A card payment's whole life, on a merchant without a partner.
        assertAccepted(api.write(
                "/v1/merchants",
                "{\"merchantId\":\"m-card\",\"name\":\"Cards\",\"currency\":\"EUR\"," + "\"feePlan\":" + CARD_PLAN
                        + "}",
                "card-onboard"));
        assertAccepted(api.write(
                "/v1/card-payments",
                "{\"paymentId\":\"c-1\",\"merchantId\":\"m-card\",\"amount\":5000,\"currency\":\"EUR\"}",
                "card-auth"));
        Answer capture = api.write("/v1/card-payments/c-1/captures", "{\"amount\":4000}", "card-capture");
        assertAccepted(capture);
        // fee = halfEven(4000 * 200, 10000) + 20 = 100
        assertThat(postings(capture.json()))
                .containsExactlyInAnyOrder(
                        "platform:card-clearing EUR -4000", "merchant:m-card EUR 3900", "platform:fees EUR 100");
        assertAccepted(api.write("/v1/card-payments/c-1/refunds", "{\"amount\":1000}", "card-refund"));
        Answer chargeback = api.write(
                "/v1/card-payments/c-1/chargebacks", "{\"amount\":500,\"reasonCode\":\"4837\"}", "card-chargeback");
        assertAccepted(chargeback);
        assertThat(postings(chargeback.json()))
                .containsExactlyInAnyOrder(
                        "merchant:m-card EUR -1500", "platform:card-clearing EUR 500", "platform:fees EUR 1000");
        assertHasFields(
                api.get("/v1/card-payments/c-1").json(),
                json("{\"paymentId\":\"c-1\",\"merchantId\":"
                        + "\"m-card\",\"currency\":\"EUR\",\"status\":\"CHARGED_BACK\",\"authorized\":5000,\"captured\":4000,"
                        + "\"refunded\":1000,\"chargedBack\":500}"));
        LocalDate day = businessDate(capture.json());
        assertAccepted(api.write(
                "/v1/merchants/m-card/payouts",
                "{\"payoutId\":\"manual-1\",\"businessDate\":\"" + day + "\",\"amount\":100}",
                "card-manual-payout"));
        assertAccepted(api.write("/v1/merchants/m-card/fee-plan", "{\"feePlan\":" + PLAN + "}", "card-new-plan"));
        await().atMost(SETTLE)
                .until(() ->
                        api.get("/v1/merchants/m-card").json().get("feePlan").equals(json(PLAN)));

        // Balance as of the capture: only the capture's posting counts.
        Instant capturedAt = Instant.parse(capture.json().get("occurredAt").asText());
        awaitBalance("merchant:m-card", 3900 - 1000 - 1500 - 100);
        assertThat(api.get("/v1/accounts/" + encode("merchant:m-card") + "/balances?asOf=" + capturedAt)
                        .json())
                .isEqualTo(json("[{\"currency\":\"EUR\",\"balance\":3900,\"credits\":3900,\"debits\":0}]"));
        // A statement page by page.
        JsonNode first = api.get("/v1/accounts/" + encode("merchant:m-card") + "/entries?limit=2")
                .json();
        assertThat(first.get("entries")).hasSize(2);
        assertThat(first.get("entries").get(0).get("eventId").asText()).isEqualTo("card-capture");
        assertThat(first.get("nextCursor").isNull()).isFalse();
        JsonNode second = api.get("/v1/accounts/" + encode("merchant:m-card") + "/entries?limit=2&cursor="
                        + encode(first.get("nextCursor").asText()))
                .json();
        List<String> rest = new ArrayList<>();
        second.get("entries")
                .forEach(e -> rest.add(
                        e.get("eventId").asText() + " " + e.get("balanceAfter").asLong()));
        assertThat(rest).containsExactly("card-chargeback 1400", "card-manual-payout 1300");

        // Settling the day pays what is due: net 4000 - 1000 - 500 - (100 + 1000) = 1400, minus 100 paid by hand.
        await().atMost(SETTLE)
                .until(() -> row("m-card", day).get("net").asLong() == 1400
                        && row("m-card", day).get("paidOut").asLong() == 100);
        Answer settled = api.post("/v1/settlements/" + day + "/settle", "");
        assertThat(settled.status()).isEqualTo(200);
        assertThat(settled.json().get("date").asText()).isEqualTo(day.toString());
        assertThat(settled.json().get("payouts"))
                .contains(json("{\"merchantId\":\"m-card\",\"payoutId\":\"po-m-card-" + day + "-2\",\"amount\":1300}"));
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(row("m-card", day))
                        .isEqualTo(json("{\"merchantId\":\"m-card\",\"date\":\"" + day
                                + "\",\"currency\":\"EUR\",\"count\":1,\"gross\":4000,"
                                + "\"refunds\":1000,\"chargebacks\":500,\"fees\":1100,\"commission\":0,\"net\":1400,"
                                + "\"paidOut\":1400,\"payouts\":2,\"status\":\"PAID\"}")));
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(api.get("/v1/events/" + encode("po-m-card-" + day + "-2"))
                                .json()
                                .path("outcome")
                                .asText())
                        .isEqualTo("ACCEPTED"));
        Answer csv = api.get("/v1/settlements/" + day, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .contains("merchantId")
                .contains("net");
        assertThat(csv.body()).contains("m-card");

        // A wallet topped up, redeemed; the bulk path.
        assertAccepted(api.write(
                "/v1/wallets", "{\"walletId\":\"w-red\",\"currency\":\"EUR\",\"maxBalance\":20000}", "red-open"));
        assertAccepted(api.write("/v1/wallets/w-red/top-ups", "{\"amount\":3000}", "red-topup"));
        Answer redemption = api.write("/v1/wallets/w-red/redemptions", "{\"amount\":1000}", "red-redeem");
        assertAccepted(redemption);
        assertThat(postings(redemption.json()))
                .containsExactlyInAnyOrder("wallet:w-red EUR -1000", "platform:card-clearing EUR 1000");
        Answer bulk = api.post(
                "/v1/events",
                "{\"type\":\"WalletOpened\",\"eventId\":\"bulk-open\",\"walletId\":\"w-bulk\",\"currency\":\"EUR\"}\n"
                        + "{\"type\":\"WalletToppedUp\",\"eventId\":\"bulk-topup\",\"walletId\":\"w-bulk\",\"amount\":700,"
                        + "\"occurredAt\":\"2026-01-02T03:04:05Z\"}\n",
                "Content-Type",
                "application/x-ndjson");
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json()).isEqualTo(json("{\"accepted\":2}"));
        await().atMost(SETTLE).until(() -> api.get("/v1/events/bulk-topup").status() == 200);
        assertThat(api.get("/v1/events/bulk-topup").json().get("occurredAt").asText())
                .startsWith("2026-01-02T03:04:05");
        awaitBalance("wallet:w-red", 2000);
        awaitBalance("wallet:w-bulk", 700);

        Answer all = api.get("/v1/settlements/" + day);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json())
                .anySatisfy(r -> assertThat(r.get("merchantId").asText()).isEqualTo("m-card"));
        awaitTrialBalanceZero();
        assertHasFields(api.get("/health").json(), json("{\"status\":\"UP\"}"));
        assertHasFields(api.get("/health/ready").json(), json("{\"status\":\"UP\"}"));
        assertHasFields(api.get("/health/live").json(), json("{\"status\":\"UP\"}"));
        Answer metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        // The node's meters and, on the same registry, ingest's producers'.
        assertThat(metrics.body()).contains("# TYPE", "ledger_kafka_stream_thread_", "client_id=\"ledger-ingest\"");
        assertThat(api.get("/v1/wallets/no-such-wallet").status()).isEqualTo(404);
        assertThat(api.get("/v1/events/no-such-event").status()).isEqualTo(404);
    }

    @Test
    void requestsThatFailValidationAre400ProblemsAndAppendNothing() {
        assertAccepted(api.write("/v1/wallets", "{\"walletId\":\"w-bad\",\"currency\":\"EUR\"}", "bad-open"));

        Answer noKey = api.post("/v1/wallets/w-bad/top-ups", "{\"amount\":100}", "Content-Type", "application/json");
        assertProblem(noKey, "Idempotency-Key");
        Answer unknownField =
                api.write("/v1/wallets/w-bad/top-ups", "{\"amount\":100,\"colour\":\"red\"}", "bad-unknown-field");
        assertProblem(unknownField, "colour");
        Answer zero = api.write("/v1/wallets/w-bad/top-ups", "{\"amount\":0}", "bad-amount-zero");
        assertProblem(zero, "amount");
        Answer fraction = api.write("/v1/wallets/w-bad/top-ups", "{\"amount\":12.5}", "bad-amount-fraction");
        assertProblem(fraction, "amount");
        Answer badLine = api.post(
                "/v1/events",
                "{\"type\":\"WalletToppedUp\",\"eventId\":\"bad-bulk-1\","
                        + "\"walletId\":\"w-bad\",\"amount\":5}\n{\"type\":\"WalletToppedUp\",\"eventId\":\"bad-bulk-2\","
                        + "\"walletId\":\"w-bad\",\"amount\":-5}\n",
                "Content-Type",
                "application/x-ndjson");
        assertProblem(badLine, "amount");
        assertThat(badLine.json().get("line").asInt()).isEqualTo(2);

        // A later write of the same wallet is decided, and its statement line written, after anything appended
        // before it: once its line is there, the statement shows that nothing else was.
        assertAccepted(api.write("/v1/wallets/w-bad/top-ups", "{\"amount\":1}", "bad-good-topup"));
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(statementIds("wallet:w-bad")).contains("bad-good-topup"));
        assertThat(statementIds("wallet:w-bad")).containsExactly("bad-good-topup");
        assertThat(api.balanceEur("wallet:w-bad")).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyTwiceHasOneEffect() {
        assertAccepted(api.write("/v1/wallets", "{\"walletId\":\"w-idem\",\"currency\":\"EUR\"}", "idem-open"));
        Answer first = api.write("/v1/wallets/w-idem/top-ups", "{\"amount\":500}", "idem-topup");
        assertAccepted(first);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        Answer again = api.write("/v1/wallets/w-idem/top-ups", "{\"amount\":500}", "idem-topup");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        // Sequenced after both on the wallet's partition: had the retry counted, the balance would be 1001.
        assertAccepted(api.write("/v1/wallets/w-idem/top-ups", "{\"amount\":1}", "idem-after"));
        awaitBalance("wallet:w-idem", 501);
        assertThat(api.get("/v1/wallets/w-idem").json().get("balance").asLong()).isEqualTo(501);
    }

    @Test
    void aMicropaymentBeyondTheBalanceIsA200RejectedAndMovesNoMoney() {
        assertAccepted(api.write(
                "/v1/merchants",
                "{\"merchantId\":\"m-rej\",\"name\":\"Rejects\",\"currency\":\"EUR\"," + "\"feePlan\":" + PLAN + "}",
                "rej-onboard"));
        assertAccepted(api.write("/v1/wallets", "{\"walletId\":\"w-poor\",\"currency\":\"EUR\"}", "rej-open"));
        assertAccepted(api.write("/v1/wallets/w-poor/top-ups", "{\"amount\":100}", "rej-topup"));

        Answer rejected =
                api.write("/v1/wallets/w-poor/micropayments", "{\"merchantId\":\"m-rej\",\"amount\":500}", "rej-mp");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(rejected.json().path("postings").size()).isZero();
        awaitOutcomeView("rej-mp", rejected.json());
        assertAccepted(api.write("/v1/wallets/w-poor/top-ups", "{\"amount\":1}", "rej-after"));
        awaitBalance("wallet:w-poor", 101);
        assertThat(api.get("/v1/merchants/m-rej").json().get("balance").asLong())
                .isZero();
        assertThat(api.balanceEur("merchant:m-rej")).isZero();
    }

    /**
     * The HTTP API lets fields be added (docs/api.md): every field given must be there with that value;
     * others may be too.
     */
    /**
     * docs/openapi.json against the running server: every route {@code ledger run} registers (the union of
     * ingest's and a node's) is an operation of the document and every operation is a registered route; each
     * operation, called with the admin key and a request that names nothing that exists, answers a status the
     * document lists for it, and a problem body of a documented type. The web module's
     * {@code OpenApiContractTest} holds the document to the roles, problem types and its own schemas.
     */
    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOperationAnswersAsDocumented() throws Exception {
        ApiDocument document = ApiDocument.parse(Files.readAllBytes(OPENAPI));
        Map<String, JsonNode> operations = document.operations();

        assertThat(ledger.routes())
                .as("the routes ledger run registers against the operations of %s", OPENAPI)
                .containsExactlyElementsOf(operations.keySet());

        Set<String> problemTypes = document.problemTypes();
        List<String> undocumented = new ArrayList<>();
        operations.forEach((route, operation) -> {
            Answer answer = callAsDocumented(route, operation);
            if (!operation.path("responses").has(String.valueOf(answer.status()))) {
                undocumented.add(route + " answered " + answer.status() + ": " + answer.body());
            } else if (answer.status() >= 400
                    && !problemTypes.contains(answer.json().path("type").asText())) {
                undocumented.add(route + " answered a problem of an undocumented type: " + answer.body());
            }
        });
        assertThat(undocumented).as("answers %s does not list", OPENAPI).isEmpty();
    }

    /**
     * {@code /metrics} of {@code ledger run} after a workload: a write waited for, a read, and a record no one can
     * read appended around ingest. Each series docs/operations.md tells to alert on is there, and the ones the
     * workload drives move: request timings by route and status, ingest's producer, the outcome latency, the
     * poison records; the consumer lag and the merchant-directory counters are there to read.
     */
    @Test
    void metricsShowTheRequestsTheProducersTheProjectorsCountersAndTheOutcomeLatency() throws Exception {
        String before = api.get("/metrics").body();
        assertAccepted(api.write("/v1/wallets", "{\"walletId\":\"w-metrics\",\"currency\":\"EUR\"}", "metrics-open"));
        api.get("/v1/wallets/w-metrics");
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> raw =
                new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(
                    "ledger.events",
                    "wallet:w-metrics".getBytes(StandardCharsets.UTF_8),
                    "not an event".getBytes(StandardCharsets.UTF_8)));
        }

        await().atMost(SETTLE).untilAsserted(() -> {
            String after = api.get("/metrics").body();
            assertThat(sample(
                            after,
                            "ledger_http_server_requests_seconds_count",
                            "route=\"/v1/wallets\"",
                            "status=\"200\""))
                    .isGreaterThan(sample(
                            before,
                            "ledger_http_server_requests_seconds_count",
                            "route=\"/v1/wallets\"",
                            "status=\"200\""));
            assertThat(sample(
                            after,
                            "ledger_http_server_requests_seconds_count",
                            "route=\"/v1/wallets/{walletId}\"",
                            "method=\"GET\""))
                    .isPositive();
            assertThat(sample(after, "ledger_kafka_producer_record_send_total", "client_id=\"ledger-ingest\""))
                    .isGreaterThan(
                            sample(before, "ledger_kafka_producer_record_send_total", "client_id=\"ledger-ingest\""));
            assertThat(sample(after, "ledger_projector_outcome_latency_seconds_count"))
                    .isGreaterThan(sample(before, "ledger_projector_outcome_latency_seconds_count"));
            assertThat(sample(after, "ledger_projector_outcome_latency_seconds_sum"))
                    .isPositive();
            assertThat(sample(after, "ledger_projector_poison_records_total"))
                    .isGreaterThan(sample(before, "ledger_projector_poison_records_total"));
            assertThat(after)
                    .contains(
                            "\nledger_projector_merchant_directory_retries_total ",
                            "\nledger_projector_merchant_wait_timeouts_total ",
                            "\nledger_projector_merchant_wait_max_seconds ",
                            "\nledger_projector_schema_registry_retries_total ",
                            "\nledger_projector_outcome_latency_max_seconds ",
                            "\nledger_kafka_consumer_fetch_manager_records_lag_max{")
                    .doesNotContain("w-metrics");
        });

        String scrape = api.get("/metrics").body();
        for (Path file : METRICS_NAMED_IN) {
            Matcher named = SERIES.matcher(Files.readString(file));
            while (named.find()) {
                if (!named.group().startsWith(CLUSTER_ONLY)) {
                    assertThat(scrape).as("a series %s names", file).contains(named.group());
                }
            }
        }
    }

    /** The sum of the samples of {@code series} whose labels hold every one of {@code labels}; 0 when none. */
    private static double sample(String scrape, String series, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(series + "{") && !line.startsWith(series + " ")) {
                continue;
            }
            if (Arrays.stream(labels).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** One request to {@code route} as the admin: unknown ids, an empty JSON body where one is taken. */
    private static Answer callAsDocumented(String route, JsonNode operation) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{date}", "1999-01-04")
                .replace("{accountId}", encode("wallet:w-openapi-none"))
                .replace("{asset}", "swagger-ui.css")
                .replaceAll("\\{[^}]+}", "openapi-none");
        JsonNode media = operation.path("requestBody").path("content");
        return switch (method) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            case "POST" ->
                media.has("application/x-ndjson")
                        ? api.post(path, "{}", "Content-Type", "application/x-ndjson")
                        : media.has("application/json")
                                ? api.post(
                                        path,
                                        "{}",
                                        "Content-Type",
                                        "application/json",
                                        "Idempotency-Key",
                                        "openapi-call")
                                : api.post(path, "");
            default -> throw new IllegalArgumentException("no call for " + route);
        };
    }

    private static void assertHasFields(JsonNode actual, JsonNode expected) {
        expected.fieldNames()
                .forEachRemaining(field -> assertThat(actual.get(field))
                        .as(field + " of " + actual)
                        .isEqualTo(expected.get(field)));
    }

    private static void assertAccepted(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).as(answer.body()).isEqualTo("ACCEPTED");
    }

    private static void assertProblem(Answer answer, String named) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.path("field").asText() + " " + problem.get("detail").asText())
                .contains(named);
    }

    private static Set<String> postings(JsonNode outcome) {
        Set<String> postings = new HashSet<>();
        outcome.path("postings")
                .forEach(p -> postings.add(p.get("account").asText() + " "
                        + p.get("currency").asText() + " " + p.get("amount").asLong()));
        return postings;
    }

    private static LocalDate businessDate(JsonNode outcome) {
        return Instant.parse(outcome.get("occurredAt").asText()).atZone(PARIS).toLocalDate();
    }

    private static JsonNode row(String merchantId, LocalDate day) {
        JsonNode rows = api.get("/v1/merchants/" + merchantId + "/settlements?from=" + day + "&to=" + day)
                .json();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static void awaitBalance(String account, long expected) {
        await().atMost(SETTLE)
                .untilAsserted(
                        () -> assertThat(api.balanceEur(account)).as(account).isEqualTo(expected));
    }

    /** The outcome view is built from ledger.outcomes, a step behind the outcome a write waited for. */
    private static void awaitOutcomeView(String eventId, JsonNode expected) {
        await().atMost(SETTLE)
                .untilAsserted(() ->
                        assertThat(api.get("/v1/events/" + eventId).json()).isEqualTo(expected));
    }

    private static List<String> statementIds(String account) {
        List<String> ids = new ArrayList<>();
        api.get("/v1/accounts/" + encode(account) + "/entries")
                .json()
                .get("entries")
                .forEach(e -> ids.add(e.get("eventId").asText()));
        return ids;
    }

    private static void awaitTrialBalanceZero() {
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode trial = api.get("/v1/trial-balance").json();
            assertThat(trial).isNotEmpty();
            trial.forEach(
                    t -> assertThat(t.get("total").asLong()).as(t.toString()).isZero());
        });
    }
}
