package org.kleline.ledger.cli.year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kleline.ledger.cli.CommandRun.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.cli.CommandRun;
import org.kleline.ledger.cli.ingest.QueryOverHttp;
import org.kleline.ledger.cli.run.LedgerRun;
import org.kleline.ledger.cli.run.LedgerRunPerClass;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.model.topics.Topic;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.generate.EventGenerator;
import org.kleline.ledger.simulator.generate.ExpectedOutcome;

/**
 * A small simulated 1999 (3,000 transactions) through one {@code ledger run} in this JVM, with the
 * commands a user runs: {@code simulate}, {@code settle --from --to}, {@code verify} and
 * {@code report}; then the ledger's topics tampered with, which {@code verify} must catch (exit code 1).
 * The first verify finds the run through its data directory, the others are given its addresses.
 */
@ExtendWith(LedgerRunPerClass.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayedYearIT {

    private static final int TRANSACTIONS = 3_000;
    private static final SimulationConfig YEAR = SimulationConfig.defaults().withTransactions(TRANSACTIONS);
    private static final LocalDate FIRST = LocalDate.of(1999, 1, 1);
    private static final LocalDate LAST = LocalDate.of(1999, 12, 31);
    private static final Duration DECIDED = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LedgerRun ledger;
    private static String api;

    @BeforeAll
    static void start(LedgerRun run) {
        ledger = run;
        api = ledger.httpUrl().toString();
    }

    @Test
    @Order(1)
    void simulateAppendsTheYearAndItsTransactionsFillTheSettlementRows() {
        CommandRun result = ledger(
                "simulate",
                "--transactions",
                Integer.toString(TRANSACTIONS),
                "--api-url",
                api,
                "--api-key",
                ledger.adminKey().secret());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Simulating 1999 (seed 1, 3,000 transactions) into " + api + "/v1/events")
                .contains("6,567 lines, 3,000 transactions (accepted captures and micropayments)")
                .containsPattern("Appended 6,565 lines in \\d+ requests in .* s \\(.* events/s\\); 2 lines broken on "
                        + "purpose were refused as expected \\(400\\)\\.");
        // A transaction is one unit of a row's count (simulator/README.md): the rows hold them all once decided.
        await().atMost(DECIDED)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(sumOverYear("count")).isEqualTo(TRANSACTIONS));
    }

    @Test
    @Order(2)
    void settlingTheYearDayByDayPaysEveryMerchantDueAndSettlingAgainPaysNothing() {
        CommandRun first = settleTheYear();

        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> payoutLines =
                first.out().lines().filter(l -> l.contains(" po-m-")).toList();
        Matcher settled = Pattern.compile("Settled 365 dates in [0-9.]+ s: ([0-9,]+) payouts, total ([0-9,.]+) EUR")
                .matcher(first.out());
        assertThat(settled.find()).as(first.out()).isTrue();
        assertThat(payoutLines)
                .hasSize(Integer.parseInt(settled.group(1).replace(",", "")))
                .isNotEmpty();
        long paidMinor = Long.parseLong(settled.group(2).replace(",", "").replace(".", ""));

        await().atMost(DECIDED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(sumOverYear("paidOut")).isEqualTo(paidMinor);
            assertThat(rowsOfYear())
                    .allSatisfy(row -> assertThat(
                                    row.get("net").asLong() - row.get("paidOut").asLong())
                            .as(row.toString())
                            .isLessThanOrEqualTo(0));
        });

        CommandRun again = settleTheYear();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .doesNotContain(" po-m-")
                .contains("Settled 365 dates in")
                .contains(": 0 payouts (nothing was due)");
    }

    @Test
    @Order(3)
    void verifyRecomputesEveryFigureFromTheLogAndFindsNoDifference() {
        // Beside the run, as a user would: every address (and the zone) from its data directory.
        CommandRun result =
                CommandRun.verifyWaiting("--data-dir", ledger.dataDir().toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("From the ledger run on " + ledger.dataDir() + " (pid "
                        + ProcessHandle.current().pid() + "): "
                        + "bootstrap servers, schema registry URL, HTTP API URL, settlement zone Europe/Paris")
                .contains("Verifying Kleline Ledger: the log at " + ledger.bootstrapServers() + " against the query "
                        + "API at " + api + ", ledger.journal and ledger.outcomes")
                .containsPattern("outcomes +[0-9,]+ events +POST /v1/outcomes/lookup +agree")
                .containsPattern("balances +[0-9,]+ accounts .* agree")
                .containsPattern("settlement rows +[0-9,]+ rows of [0-9,]+ dates .* agree")
                .containsPattern("trial balance +EUR total 0 +GET /v1/trial-balance +agree")
                .containsPattern("journal +[0-9,]+ entries +ledger.journal +agree")
                .containsPattern("outcomes topic +[0-9,]+ records +ledger.outcomes +agree")
                .contains(
                        "No difference: every outcome, balance, settlement row and journal entry follows from the log.");
    }

    @Test
    @Order(4)
    void theMonthsReportShowsTheFiguresOfTheSettlementViews() {
        // The expected figures, summed here from the settlement views of every date of June.
        Map<String, long[]> byMerchant = new TreeMap<>();
        for (LocalDate d = LocalDate.of(1999, 6, 1); !d.isAfter(LocalDate.of(1999, 6, 30)); d = d.plusDays(1)) {
            for (JsonNode row : get("/v1/settlements/" + d)) {
                long[] sums = byMerchant.computeIfAbsent(row.get("merchantId").asText(), m -> new long[8]);
                String[] fields = {"count", "gross", "refunds", "chargebacks", "fees", "commission", "net", "paidOut"};
                for (int i = 0; i < fields.length; i++) {
                    sums[i] += row.get(fields[i]).asLong();
                }
            }
        }
        List<String> expectedMerchantLines = new ArrayList<>();
        long[] total = new long[8];
        byMerchant.forEach((merchant, sums) -> {
            JsonNode partner = get("/v1/merchants/" + merchant).get("partnerId");
            expectedMerchantLines.add("merchant," + merchant + ","
                    + (partner == null || partner.isNull() ? "" : partner.asText()) + ",EUR,1," + join(sums));
            for (int i = 0; i < sums.length; i++) {
                total[i] += sums[i];
            }
        });

        CommandRun csv = ledger(
                "report",
                "--month",
                "1999-06",
                "--csv",
                "--api-url",
                api,
                "--api-key",
                ledger.adminKey().secret());

        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("kind,id,partnerId,currency,merchants,count,gross,refunds,chargebacks,fees,"
                        + "commission,net,paidOut");
        assertThat(lines.stream().filter(l -> l.startsWith("merchant,")).toList())
                .containsExactlyElementsOf(expectedMerchantLines);
        assertThat(lines).contains("total,TOTAL,,EUR," + byMerchant.size() + "," + join(total));
        assertPartnersAreTheSumsOfTheirMerchants(lines);

        CommandRun table = ledger(
                "report",
                "--month",
                "1999-06",
                "--api-url",
                api,
                "--api-key",
                ledger.adminKey().secret());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out())
                .contains("Kleline Ledger, 1999-06-01 .. 1999-06-30:")
                .containsPattern("TOTAL +" + byMerchant.size() + " +EUR +" + String.format(Locale.ROOT, "%,d", total[0])
                        + " +" + Pattern.quote(euros(total[1])) + " +" + Pattern.quote(euros(total[2])));
    }

    @Test
    @Order(5)
    void aForgedJournalEntryAndAnEntryOfNoEventMakeVerifyFailNamingThem() {
        String capture = firstAcceptedCapture();
        JsonNode outcome = get("/v1/events/" + capture);
        List<Posting> forged = new ArrayList<>(QueryOverHttp.outcome(outcome).getPostings());
        // Still balanced: a cent moved from the merchant to the platform's fees.
        forged.replaceAll(p -> p.getAccount().startsWith("merchant:")
                ? new Posting(p.getAccount(), p.getCurrency(), p.getAmount() - 1)
                : p.getAccount().equals("platform:fees")
                        ? new Posting(p.getAccount(), p.getCurrency(), p.getAmount() + 1)
                        : p);
        Instant at = Instant.parse(outcome.get("occurredAt").asText());
        produce(
                topics().journal(),
                capture,
                new JournalEntry(
                        capture,
                        capture,
                        EventType.CardPaymentCaptured,
                        at,
                        LocalDate.ofInstant(at, ZoneId.of("Europe/Paris")),
                        forged));
        produce(
                topics().journal(),
                "forged-entry-1",
                new JournalEntry(
                        "forged-entry-1",
                        "forged-entry-1",
                        EventType.WalletToppedUp,
                        at,
                        LocalDate.of(1999, 6, 1),
                        List.of(
                                new Posting("platform:card-clearing", "EUR", -5_000L),
                                new Posting("wallet:w-000001", "EUR", 5_000L))));

        CommandRun result = CommandRun.verify(ledger);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("journal +[0-9,]+ entries +ledger.journal +3 differences")
                .containsPattern("journal: a second entry for event " + capture + " at ledger.journal partition \\d+ "
                        + "offset \\d+")
                .containsPattern("journal: entry of event " + capture + " at ledger.journal partition \\d+ offset \\d+ "
                        + "differs: the journal has CardPaymentCaptured")
                .containsPattern(
                        "journal: entry at ledger.journal partition \\d+ offset \\d+ for event forged-entry-1, "
                                + "which is not in the log: \\[platform:card-clearing EUR -5000, wallet:w-000001 EUR 5000\\]")
                .contains("3 differences; the first 3:");
    }

    @Test
    @Order(6)
    void aSecondOutcomeForAnEventOnTheOutcomesTopicMakesVerifyFail() {
        String capture = firstAcceptedCapture();
        JsonNode outcome = get("/v1/events/" + capture);
        produce(
                topics().outcomes(),
                capture,
                new EventOutcome(
                        capture,
                        outcome.get("key").asText(),
                        EventType.CardPaymentCaptured,
                        Instant.parse(outcome.get("occurredAt").asText()),
                        Outcome.REJECTED,
                        RejectionReason.EXCEEDS_AUTHORIZED,
                        List.of(),
                        null,
                        null));

        CommandRun result = CommandRun.verify(ledger);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                // The query API keeps the first outcome: only the topic shows the forged one.
                .containsPattern("outcomes +[0-9,]+ events +POST /v1/outcomes/lookup +agree")
                .containsPattern("outcomes topic +[0-9,]+ records +ledger.outcomes +1 difference")
                .containsPattern(
                        "outcomes topic: event " + capture + " has a second and different outcome, at "
                                + "ledger.outcomes partition \\d+ offset \\d+: CardPaymentCaptured payment:cp-\\d+ at .*: "
                                + "REJECTED \\(EXCEEDS_AUTHORIZED\\) \\[\\]; the log gives CardPaymentCaptured .*: ACCEPTED \\[");
    }

    private static String firstAcceptedCapture() {
        return EventGenerator.stream(YEAR)
                .filter(e -> e.expected() == ExpectedOutcome.ACCEPTED
                        && e.envelope().getPayload() instanceof CardPaymentCaptured)
                .findFirst()
                .orElseThrow()
                .envelope()
                .getEventId();
    }

    /** Writes straight to one of the ledger's topics with its serdes, as a tamperer with broker access could. */
    private static <V> void produce(Topic<String, V> topic, String key, V value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(
                props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("producing to " + topic.name() + " failed", e);
        }
    }

    private static Topics topics() {
        return Topics.create(Map.of("schema.registry.url", ledger.schemaRegistryUrl()));
    }

    private static List<JsonNode> rowsOfYear() {
        List<JsonNode> rows = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            get("/v1/settlements/" + d).forEach(rows::add);
        }
        return rows;
    }

    private static long sumOverYear(String field) {
        return rowsOfYear().stream().mapToLong(row -> row.get(field).asLong()).sum();
    }

    private static void assertPartnersAreTheSumsOfTheirMerchants(List<String> csv) {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Integer> merchants = new HashMap<>();
        csv.stream()
                .filter(l -> l.startsWith("merchant,"))
                .map(l -> l.split(",", -1))
                .filter(f -> !f[2].isEmpty())
                .forEach(f -> {
                    long[] s = sums.computeIfAbsent(f[2], p -> new long[8]);
                    for (int i = 0; i < 8; i++) {
                        s[i] += Long.parseLong(f[5 + i]);
                    }
                    merchants.merge(f[2], 1, Integer::sum);
                });
        List<String> expected = new ArrayList<>();
        new TreeMap<>(sums)
                .forEach((partner, s) ->
                        expected.add("partner," + partner + ",,EUR," + merchants.get(partner) + "," + join(s)));
        assertThat(csv.stream().filter(l -> l.startsWith("partner,")).toList())
                .isNotEmpty()
                .containsExactlyElementsOf(expected);
    }

    private static String join(long[] values) {
        StringBuilder text = new StringBuilder();
        for (long v : values) {
            text.append(text.length() == 0 ? "" : ",").append(v);
        }
        return text.toString();
    }

    /** A non-negative amount of cents in euros, as the table shows it. */
    private static String euros(long cents) {
        return String.format(Locale.ROOT, "%,d.%02d", cents / 100, cents % 100);
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api + path))
                            .header(
                                    "Authorization",
                                    "Bearer " + ledger.adminKey().secret())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ledger settle} of every date of the year, as the admin. */
    private static CommandRun settleTheYear() {
        return ledger(
                "settle",
                "--from",
                FIRST.toString(),
                "--to",
                LAST.toString(),
                "--api-url",
                api,
                "--api-key",
                ledger.adminKey().secret());
    }
}
