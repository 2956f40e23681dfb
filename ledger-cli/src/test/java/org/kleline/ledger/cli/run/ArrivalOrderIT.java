package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kleline.ledger.cli.run.LedgerClient.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.CommandRun;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The cross-key rule against the running product, in the orders of arrival production sees: imports of
 * any date into a ledger that already holds later-dated events, merchants onboarded in the same NDJSON
 * body as their first payments, before them or after them, fee plan changes between payments, eventIds
 * sent again, all interleaved with live writes from a second client, while the projector runs.
 *
 * <p>Oracles, each independent of the others: figures the cross-key rule implies and the test works
 * out itself (a payment whose merchant line was appended before it, at an earlier or equal time, is
 * ACCEPTED; one whose merchant line came after it, or later in time, is UNKNOWN_MERCHANT);
 * {@link LedgerReplay} fed the log read back from Kafka in another order than the projector's (merchant
 * records first, the partitions interleaved at random); {@code ledger verify}; and a second projector,
 * a new application rebuilt from the log, whose outcome and journal records are byte for byte the
 * first one's.
 *
 * <p>The normal build runs {@value #CASES_DEFAULT} cases of a fixed seed. {@code -Dledger.order.cases=N}
 * runs more, {@code -Dledger.order.seed=S} replays a seed, {@code -Dledger.order.seed=random} takes a
 * fresh one (printed); the Maven profile {@code arrival-order-long} does the last with 2,000 cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArrivalOrderIT {

    static final int CASES_DEFAULT = 200;
    static final int SAME_BODY_REPETITIONS = 100;
    private static final int PARTITIONS = 4;
    private static final long FIXED_SEED = 20261206L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration CAUGHT_UP = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EUR = "EUR";
    private static final Instant IMPORT_START = Instant.parse("1998-01-05T08:00:00Z");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path rebuildState;

    private static LedgerRun ledger;
    private static LedgerClient api;
    private static long seed;
    /** Every eventId written, with the case (or scenario) that wrote it, for the messages. */
    private static final Map<String, String> WRITTEN_BY = new LinkedHashMap<>();
    /** What the test expects of some events, worked out from the order in which it appended them. */
    private static final Map<String, String> EXPECTED_REASONS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        String asked = System.getProperty("ledger.order.seed", Long.toString(FIXED_SEED));
        seed = asked.equals("random") ? new Random().nextLong() : Long.parseLong(asked);
        System.out.println("ArrivalOrderIT seed " + seed + " (replay with -Dledger.order.seed=" + seed + ")");
        ledger = LedgerRun.start(new RunSettings(dataDir, 0, PARTITIONS, PARIS));
        api = LedgerClient.admin(ledger);
        importLaterDatedBusiness();
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    /** The ledger already holds late-1999 and 2000 events on every partition when the imports of earlier dates come. */
    private static void importLaterDatedBusiness() {
        List<ObjectNode> lines = new ArrayList<>();
        Instant late = Instant.parse("1999-12-20T09:00:00Z");
        for (int i = 0; i < 8; i++) {
            String m = "late-m" + i;
            String w = "late-w" + i;
            lines.add(line(
                    "MerchantOnboarded",
                    "late-on-" + i,
                    late,
                    "merchantId",
                    m,
                    "name",
                    "Late " + i,
                    "currency",
                    EUR,
                    "feePlan",
                    plan(150, 25, 300, 5, 1500, 0)));
            lines.add(line(
                    "WalletOpened", "late-wo-" + i, late, "walletId", w, "currency", EUR, "maxBalance", 1_000_000));
            lines.add(line("WalletToppedUp", "late-wt-" + i, late.plusSeconds(60), "walletId", w, "amount", 100_000));
            for (int k = 0; k < 5; k++) {
                Instant at = late.plus(Duration.ofDays(3L * k + i));
                lines.add(micropayment("late-mp-" + i + "-" + k, at, w, m, 1_000 + k));
                lines.add(authorized("late-au-" + i + "-" + k, at, "late-p-" + i + "-" + k, m, 20_000));
                lines.add(captured("late-ca-" + i + "-" + k, at.plusSeconds(600), "late-p-" + i + "-" + k, 15_000));
            }
        }
        importBody(lines, "later-dated business");
    }

    @Test
    @Order(1)
    void aMerchantOnboardedInTheSameBodyAsItsPaymentsIsSeenByThemEveryTime() {
        Instant onboarded = Instant.parse("1999-03-01T10:00:00Z");
        for (int r = 0; r < SAME_BODY_REPETITIONS; r++) {
            String m = "same-m" + r;
            String w = "same-w" + r;
            String scenario = "same body, repetition " + r;
            List<ObjectNode> lines = new ArrayList<>();
            lines.add(line(
                    "MerchantOnboarded",
                    "same-on-" + r,
                    onboarded,
                    "merchantId",
                    m,
                    "name",
                    "Same " + r,
                    "currency",
                    EUR,
                    "feePlan",
                    plan(200, 20, 1000, 5, 1000, 0)));
            lines.add(line(
                    "WalletOpened", "same-wo-" + r, onboarded.minusSeconds(3_600), "walletId", w, "currency", EUR));
            lines.add(line(
                    "WalletToppedUp", "same-wt-" + r, onboarded.minusSeconds(1_800), "walletId", w, "amount", 10_000));
            for (int k = 0; k < 3; k++) {
                Instant at = onboarded.plusSeconds(60L * (k + 1));
                lines.add(expect(micropayment("same-mp-" + r + "-" + k, at, w, m, 1_000), "ACCEPTED"));
                lines.add(expect(
                        authorized("same-au-" + r + "-" + k, at, "same-p-" + r + "-" + k, m, 5_000), "ACCEPTED"));
                lines.add(expect(
                        captured("same-ca-" + r + "-" + k, at.plusSeconds(30), "same-p-" + r + "-" + k, 5_000),
                        "ACCEPTED"));
            }
            importBody(lines, scenario);
        }
        Map<String, JsonNode> outcomes = awaitOutcomes(EXPECTED_REASONS.keySet().stream()
                .filter(id -> id.startsWith("same-"))
                .toList());
        // micropayment 1000: fee = halfEven(1000 * 1000, 10000) + 5 = 105;
        // capture 5000: fee = halfEven(5000 * 200, 10000) + 20 = 120
        outcomes.forEach((id, outcome) -> {
            assertThat(outcome.get("outcome").asText())
                    .as("%s (%s)", id, WRITTEN_BY.get(id))
                    .isEqualTo("ACCEPTED");
            if (id.startsWith("same-mp-")) {
                assertThat(merchantCredit(outcome)).as(id).isEqualTo(895);
            } else if (id.startsWith("same-ca-")) {
                assertThat(merchantCredit(outcome)).as(id).isEqualTo(4_880);
            }
        });
        assertThat(outcomes).hasSize(SAME_BODY_REPETITIONS * 9);
    }

    @Test
    @Order(2)
    void randomImportsInterleavedWithLiveWritesAreDecidedAsTheRuleSays() throws Exception {
        int cases = Integer.getInteger("ledger.order.cases", CASES_DEFAULT);
        ExecutorService live = Executors.newSingleThreadExecutor();
        try {
            for (int c = 0; c < cases; c++) {
                new Case(c, new Random(seed * 1_000_003L + c)).run(live);
                if (c % 50 == 49) {
                    System.out.printf("ArrivalOrderIT: %d cases appended%n", c + 1);
                }
            }
        } finally {
            live.shutdownNow();
        }
        Map<String, JsonNode> outcomes = awaitOutcomes(new ArrayList<>(WRITTEN_BY.keySet()));
        List<String> wrong = new ArrayList<>();
        EXPECTED_REASONS.forEach((id, expected) -> {
            JsonNode outcome = outcomes.get(id);
            String actual = outcome.has("reason")
                    ? outcome.get("reason").asText()
                    : outcome.get("outcome").asText();
            if (!actual.equals(expected)) {
                wrong.add(id + " (" + WRITTEN_BY.get(id) + "): expected " + expected + ", was " + actual);
            }
        });
        assertThat(wrong)
                .as("outcomes the cross-key rule implies, seed " + seed)
                .isEmpty();
        assertThat(EXPECTED_REASONS.values()).contains("ACCEPTED", "UNKNOWN_MERCHANT");
    }

    @Test
    @Order(3)
    void theProjectorsOutcomesBalancesAndSettlementRowsAreTheReplaysOfTheLog() {
        Map<String, JsonNode> outcomes = awaitOutcomes(new ArrayList<>(WRITTEN_BY.keySet()));
        LedgerReplay replay = replayTheLogInAnotherOrder(new Random(seed));

        List<String> differences = new ArrayList<>();
        outcomes.forEach((id, outcome) -> {
            String expected = replay.outcome(id).map(ArrivalOrderIT::describe).orElse("no outcome");
            String actual = describe(outcome);
            if (!expected.equals(actual)) {
                differences.add(
                        id + " (" + WRITTEN_BY.get(id) + "): the log gives " + expected + ", the projector " + actual);
            }
        });
        assertThat(differences).as("outcomes, seed " + seed).isEmpty();

        Map<String, Long> expectedBalances = new TreeMap<>();
        replay.balances()
                .forEach((accountCurrency, balance) ->
                        expectedBalances.put(accountCurrency.account().value(), balance));
        await().atMost(CAUGHT_UP).untilAsserted(() -> {
            Map<String, Long> actual = new TreeMap<>();
            expectedBalances.keySet().forEach(account -> actual.put(account, api.balanceEur(account)));
            assertThat(actual).as("balances, seed " + seed).isEqualTo(expectedBalances);
        });

        Map<String, List<String>> expectedRows = new TreeMap<>();
        for (DailySettlement row : replay.settlements()) {
            expectedRows
                    .computeIfAbsent(row.key().merchantId().value(), m -> new ArrayList<>())
                    .add(describeRow(row.toAvro()));
        }
        await().atMost(CAUGHT_UP).untilAsserted(() -> {
            Map<String, List<String>> actual = new TreeMap<>();
            for (String merchant : expectedRows.keySet()) {
                JsonNode rows = api.get(
                                "/v1/merchants/" + encode(merchant) + "/settlements?from=1990-01-01&to=2099-12-31")
                        .json();
                List<String> described = new ArrayList<>();
                rows.forEach(r -> described.add(describeRow(r)));
                actual.put(merchant, described);
            }
            assertThat(actual).as("settlement rows, seed " + seed).isEqualTo(expectedRows);
        });
    }

    @Test
    @Order(4)
    void ledgerVerifyFindsNoDifference() {
        CommandRun verify = CommandRun.verify(ledger);

        assertThat(verify.exitCode()).as(verify.out() + "\n" + verify.err()).isZero();
        assertThat(verify.out()).contains("No difference");
    }

    @Test
    @Order(5)
    void aProjectorRebuiltFromTheLogWritesTheSameOutcomeAndJournalRecordsByteForByte() throws Exception {
        Map<TopicPartition, Long> outcomeEnds = endOffsets(Topics.OUTCOMES);
        Map<TopicPartition, Long> journalEnds = endOffsets(Topics.JOURNAL);
        Map<String, Integer> firstOutcomes = records(Topics.OUTCOMES, Map.of(), outcomeEnds);
        Map<String, Integer> firstJournal = records(Topics.JOURNAL, Map.of(), journalEnds);
        int outcomeCount =
                firstOutcomes.values().stream().mapToInt(Integer::intValue).sum();
        int journalCount =
                firstJournal.values().stream().mapToInt(Integer::intValue).sum();

        Properties props = new Properties();
        props.put(ProjectorSettings.BOOTSTRAP_SERVERS, ledger.bootstrapServers());
        props.put(ProjectorSettings.SCHEMA_REGISTRY_URL, ledger.schemaRegistryUrl());
        props.put(ProjectorSettings.APPLICATION_ID, "arrival-order-rebuilt");
        props.put(ProjectorSettings.PARTITIONS, Integer.toString(PARTITIONS));
        props.put(ProjectorSettings.REPLICATION, "1");
        props.put(ProjectorSettings.SETTLEMENT_ZONE, PARIS.getId());
        props.put(ProjectorSettings.ROCKSDB_MEMORY_BYTES, Long.toString(64L * 1024 * 1024));
        props.put("state.dir", rebuildState.toString());
        try (Projector rebuilt = new Projector(props)) {
            rebuilt.start();
            await().atMost(CAUGHT_UP)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count(records(Topics.OUTCOMES, outcomeEnds, endOffsets(Topics.OUTCOMES)))
                                    >= outcomeCount
                            && count(records(Topics.JOURNAL, journalEnds, endOffsets(Topics.JOURNAL))) >= journalCount);
        }
        assertThat(records(Topics.OUTCOMES, outcomeEnds, endOffsets(Topics.OUTCOMES)))
                .isEqualTo(firstOutcomes);
        assertThat(records(Topics.JOURNAL, journalEnds, endOffsets(Topics.JOURNAL)))
                .isEqualTo(firstJournal);
    }

    /** One randomized case: its own merchants, wallets and payments, appended in a random order. */
    private static final class Case {
        private final int number;
        private final Random random;
        private final String prefix;
        private final List<List<ObjectNode>> bodies = new ArrayList<>();
        private final List<Runnable> liveWrites = new ArrayList<>();

        Case(int number, Random random) {
            this.number = number;
            this.random = random;
            this.prefix = "o" + number + "-";
        }

        void run(ExecutorService live) throws Exception {
            arrange();
            Future<?> liveDone = live.submit(() -> liveWrites.forEach(Runnable::run));
            for (int b = 0; b < bodies.size(); b++) {
                if (!bodies.get(b).isEmpty()) {
                    importBody(bodies.get(b), "case " + number + " (seed " + seed + "), body " + b);
                }
            }
            liveDone.get();
        }

        /**
         * Three bodies at most, appended one after the other (each acknowledged before the next is sent):
         * every merchant line goes into the body of its first payments (before them), an earlier body, a
         * later one, or is written live by the other client at an unknown moment.
         */
        private void arrange() {
            for (int b = 0; b < 3; b++) {
                bodies.add(new ArrayList<>());
            }
            int paymentBody = 1;
            String wallet = prefix + "w";
            Instant walletOpened = IMPORT_START.plus(Duration.ofMinutes(random.nextInt(60)));
            bodies.get(0)
                    .add(line(
                            "WalletOpened",
                            prefix + "wo",
                            walletOpened,
                            "walletId",
                            wallet,
                            "currency",
                            EUR,
                            "maxBalance",
                            10_000_000));
            bodies.get(0)
                    .add(line(
                            "WalletToppedUp",
                            prefix + "wt",
                            walletOpened.plusSeconds(60),
                            "walletId",
                            wallet,
                            "amount",
                            5_000_000));
            int merchants = 1 + random.nextInt(2);
            for (int i = 0; i < merchants; i++) {
                String m = prefix + "m" + i;
                Instant onboarded = IMPORT_START
                        .plus(Duration.ofDays(30 + random.nextInt(600)))
                        .plus(Duration.ofMinutes(random.nextInt(1_440)));
                int placement = random.nextInt(10);
                ObjectNode onboarding = line(
                        "MerchantOnboarded",
                        prefix + "on" + i,
                        onboarded,
                        "merchantId",
                        m,
                        "name",
                        "Case " + number + " merchant " + i,
                        "currency",
                        EUR,
                        "feePlan",
                        randomPlan(),
                        "partnerId",
                        random.nextBoolean() ? prefix + "p" + i : null);
                Boolean appendedBefore;
                List<ObjectNode> payments = payments(m, wallet, onboarded);
                if (placement < 5) {
                    bodies.get(paymentBody).add(onboarding);
                    appendedBefore = true;
                } else if (placement < 7) {
                    bodies.get(0).add(onboarding);
                    appendedBefore = true;
                } else if (placement < 9) {
                    bodies.get(2).add(onboarding);
                    appendedBefore = false;
                } else {
                    ObjectNode body = onboarding.deepCopy();
                    String eventId = body.remove("eventId").asText();
                    body.remove("type");
                    body.remove("occurredAt");
                    written(eventId, "case " + number + " live onboarding");
                    liveWrites.add(() -> api.write("/v1/merchants", body.toString(), eventId));
                    appendedBefore = null;
                }
                for (ObjectNode payment : payments) {
                    String type = payment.get("type").asText();
                    boolean looksUpTheMerchant =
                            type.equals("MicropaymentRequested") || type.equals("CardPaymentAuthorized");
                    if (looksUpTheMerchant
                            && appendedBefore != null
                            && !EXPECTED_REASONS.containsKey(
                                    payment.get("eventId").asText())) {
                        Instant at = Instant.parse(payment.get("occurredAt").asText());
                        boolean exists = appendedBefore && !onboarded.isAfter(at);
                        expect(payment, exists ? "ACCEPTED" : "UNKNOWN_MERCHANT");
                    }
                }
                insertAfterOnboardingOrAnywhere(bodies.get(paymentBody), payments, onboarding);
                liveWrites.add(() -> api.write(
                        "/v1/wallets/" + wallet + "/micropayments",
                        "{\"merchantId\":\"" + m + "\",\"amount\":" + (100 + random.nextInt(900)) + "}",
                        written(prefix + "live-mp" + m, "case " + number + " live micropayment")));
                liveWrites.add(() -> api.write(
                        "/v1/card-payments",
                        "{\"paymentId\":\"" + prefix + "live-p" + m + "\",\"merchantId\":\"" + m
                                + "\",\"amount\":2500,\"currency\":\"EUR\"}",
                        written(prefix + "live-au" + m, "case " + number + " live authorization")));
            }
            if (random.nextInt(3) == 0) {
                // An eventId sent again in the last body: DUPLICATE, its first outcome stays.
                List<ObjectNode> earlier = new ArrayList<>(bodies.get(0));
                earlier.addAll(bodies.get(paymentBody));
                bodies.get(2).add(earlier.get(random.nextInt(earlier.size())).deepCopy());
            }
        }

        /** The payments go after the onboarding when it is in their body, anywhere else otherwise. */
        private void insertAfterOnboardingOrAnywhere(
                List<ObjectNode> body, List<ObjectNode> payments, ObjectNode onboarding) {
            int from = body.indexOf(onboarding) + 1;
            for (ObjectNode payment : payments) {
                body.add(from + random.nextInt(body.size() - from + 1), payment);
            }
            // Keep each payment's own lines in their order (authorization, capture, refund...): a stable sort by index.
            List<ObjectNode> own = new ArrayList<>(payments);
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                if (own.contains(body.get(i))) {
                    slots.add(i);
                }
            }
            for (int k = 0; k < slots.size(); k++) {
                body.set(slots.get(k), own.get(k));
            }
        }

        private List<ObjectNode> payments(String merchant, String wallet, Instant onboarded) {
            List<ObjectNode> lines = new ArrayList<>();
            int count = 3 + random.nextInt(8);
            for (int k = 0; k < count; k++) {
                // Around the onboarding: some before it (the merchant does not exist yet at that time).
                Instant at = onboarded.plus(Duration.ofHours(random.nextInt(24 * 40) - 24 * 5L));
                String id = prefix + merchant + "-" + k;
                switch (random.nextInt(4)) {
                    case 0, 1 -> lines.add(micropayment(id + "-mp", at, wallet, merchant, 50 + random.nextInt(5_000)));
                    case 2 -> {
                        String payment = id + "-p";
                        long amount = 1_000 + random.nextInt(100_000);
                        lines.add(authorized(id + "-au", at, payment, merchant, amount));
                        lines.add(captured(id + "-ca", at.plusSeconds(3_600), payment, amount - random.nextInt(1_000)));
                        if (random.nextBoolean()) {
                            lines.add(line(
                                    random.nextBoolean() ? "CardPaymentRefunded" : "CardPaymentChargedBack",
                                    id + "-back",
                                    at.plus(Duration.ofDays(2)),
                                    "paymentId",
                                    payment,
                                    "amount",
                                    1 + random.nextInt(500),
                                    "reasonCode",
                                    "4837"));
                        }
                    }
                    default -> {
                        Instant changedAt = at.minusSeconds(random.nextInt(7_200));
                        lines.add(line(
                                "MerchantFeePlanChanged",
                                id + "-plan",
                                changedAt,
                                "merchantId",
                                merchant,
                                "feePlan",
                                randomPlan(),
                                "effectiveFrom",
                                changedAt
                                        .plus(Duration.ofHours(random.nextInt(48)))
                                        .toString()));
                    }
                }
            }
            lines.forEach(l -> {
                if (!l.get("type").asText().equals("CardPaymentRefunded")) {
                    return;
                }
                l.remove("reasonCode");
            });
            return lines;
        }

        private ObjectNode randomPlan() {
            return plan(
                    random.nextInt(500),
                    random.nextInt(50),
                    random.nextInt(1_500),
                    random.nextInt(20),
                    random.nextInt(2_000),
                    random.nextInt(5_000));
        }
    }

    // ---- writing ----

    private static ObjectNode line(String type, String eventId, Instant occurredAt, Object... fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", type);
        line.put("eventId", eventId);
        line.put("occurredAt", occurredAt.toString());
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value == null) {
                continue;
            }
            line.set((String) fields[i], JSON.valueToTree(value));
        }
        return line;
    }

    private static ObjectNode micropayment(String eventId, Instant at, String wallet, String merchant, long amount) {
        return line("MicropaymentRequested", eventId, at, "walletId", wallet, "merchantId", merchant, "amount", amount);
    }

    private static ObjectNode authorized(String eventId, Instant at, String payment, String merchant, long amount) {
        return line(
                "CardPaymentAuthorized",
                eventId,
                at,
                "paymentId",
                payment,
                "merchantId",
                merchant,
                "amount",
                amount,
                "currency",
                EUR);
    }

    private static ObjectNode captured(String eventId, Instant at, String payment, long amount) {
        return line("CardPaymentCaptured", eventId, at, "paymentId", payment, "amount", amount);
    }

    /** A merchant's fee plan as the import takes it: rates in basis points, fixed amounts in minor units. */
    record FeePlan(
            int cardBps, long cardFixed, int microBps, long microFixed, long chargebackFee, int partnerShareBps) {}

    private static ObjectNode plan(
            int cardBps, long cardFixed, int microBps, long microFixed, long chargebackFee, int partnerShareBps) {
        return JSON.valueToTree(new FeePlan(cardBps, cardFixed, microBps, microFixed, chargebackFee, partnerShareBps));
    }

    private static ObjectNode expect(ObjectNode line, String reasonOrOutcome) {
        EXPECTED_REASONS.put(line.get("eventId").asText(), reasonOrOutcome);
        return line;
    }

    private static synchronized String written(String eventId, String by) {
        WRITTEN_BY.putIfAbsent(eventId, by);
        return eventId;
    }

    private static void importBody(List<ObjectNode> lines, String by) {
        StringBuilder body = new StringBuilder();
        for (ObjectNode line : lines) {
            written(line.get("eventId").asText(), by);
            body.append(line).append('\n');
        }
        LedgerClient.Answer answer = api.post("/v1/events", body.toString(), "Content-Type", "application/x-ndjson");
        assertThat(answer.status()).as("import of %s: %s", by, answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(lines.size());
    }

    // ---- reading ----

    /** The outcome of every id, polled in bulk until each has one. */
    private static Map<String, JsonNode> awaitOutcomes(List<String> eventIds) {
        Map<String, JsonNode> outcomes = new HashMap<>();
        await().atMost(CAUGHT_UP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<String> missing =
                    eventIds.stream().filter(id -> !outcomes.containsKey(id)).toList();
            for (int from = 0; from < missing.size(); from += 1_000) {
                ArrayNode ids = JSON.createArrayNode();
                missing.subList(from, Math.min(missing.size(), from + 1_000)).forEach(ids::add);
                JsonNode answer = api.post(
                                "/v1/outcomes/lookup", "{\"eventIds\":" + ids + "}", "Content-Type", "application/json")
                        .json();
                answer.get("outcomes")
                        .forEach(o -> outcomes.put(o.get("eventId").asText(), o));
            }
            assertThat(eventIds.stream()
                            .filter(id -> !outcomes.containsKey(id))
                            .limit(10)
                            .toList())
                    .as("events without an outcome yet")
                    .isEmpty();
        });
        return outcomes;
    }

    /**
     * The log read back from Kafka and replayed: every merchant record first, then every other record,
     * each partition in its order but the partitions interleaved at random (the projector reads them at
     * its own pace, verify one after the other).
     */
    private static LedgerReplay replayTheLogInAnotherOrder(Random random) {
        Deserializer<EventEnvelope> events = Topics.create(Map.of("schema.registry.url", ledger.schemaRegistryUrl()))
                .events()
                .valueSerde()
                .deserializer();
        Map<TopicPartition, Long> ends = endOffsets(Topics.EVENTS);
        List<List<ConsumerRecord<byte[], byte[]>>> merchantRecords = new ArrayList<>();
        List<List<ConsumerRecord<byte[], byte[]>>> otherRecords = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            merchantRecords.add(new ArrayList<>());
            otherRecords.add(new ArrayList<>());
        }
        String merchantPrefix = AggregateType.MERCHANT.prefix() + ":";
        read(
                Topics.EVENTS,
                Map.of(),
                ends,
                r -> (new String(r.key()).startsWith(merchantPrefix) ? merchantRecords : otherRecords)
                        .get(r.partition())
                        .add(r));
        LedgerReplay replay = new LedgerReplay(new BusinessCalendar(PARIS), PARTITIONS);
        for (List<List<ConsumerRecord<byte[], byte[]>>> group : List.of(merchantRecords, otherRecords)) {
            int[] next = new int[PARTITIONS];
            while (true) {
                List<Integer> open = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    if (next[p] < group.get(p).size()) {
                        open.add(p);
                    }
                }
                if (open.isEmpty()) {
                    break;
                }
                int p = open.get(random.nextInt(open.size()));
                ConsumerRecord<byte[], byte[]> record = group.get(p).get(next[p]++);
                EventEnvelope event = events.deserialize(Topics.EVENTS, record.value());
                replay.apply(event, new LogPosition(record.partition(), record.offset(), event.getAppendedAfter()));
            }
        }
        return replay;
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Each (key, value bytes) of the records from {@code from} (or the beginning) below {@code to}, counted. */
    private static Map<String, Integer> records(
            String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Integer> counted = new TreeMap<>();
        read(
                topic,
                from,
                to,
                r -> counted.merge(new String(r.key()) + " " + Arrays.toString(r.value()), 1, Integer::sum));
        return counted;
    }

    private static int count(Map<String, Integer> records) {
        return records.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void read(
            String topic,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>(to.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + CAUGHT_UP.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < to.get(tp))) {
                assertThat(System.nanoTime())
                        .as("reading " + topic + " to " + to)
                        .isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        sink.accept(record);
                    }
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ledger.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                "5000");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    // ---- comparing ----

    private static String describe(EventOutcome outcome) {
        List<String> postings = new ArrayList<>();
        for (Posting p : outcome.getPostings()) {
            postings.add(p.getAccount() + " " + p.getCurrency() + " " + p.getAmount());
        }
        postings.sort(null);
        return outcome.getOutcome() + (outcome.getReason() == null ? "" : " " + outcome.getReason()) + " " + postings;
    }

    private static String describe(JsonNode outcome) {
        List<String> postings = new ArrayList<>();
        if (outcome.has("postings")) {
            outcome.get("postings")
                    .forEach(p -> postings.add(p.get("account").asText() + " "
                            + p.get("currency").asText() + " " + p.get("amount").asLong()));
        }
        postings.sort(null);
        return outcome.get("outcome").asText()
                + (outcome.has("reason") ? " " + outcome.get("reason").asText() : "") + " " + postings;
    }

    private static String describeRow(SettlementRow row) {
        return row.getBusinessDate() + " " + row.getCurrency() + " count " + row.getCount() + " gross " + row.getGross()
                + " refunds " + row.getRefunds() + " chargebacks " + row.getChargebacks() + " fees " + row.getFees()
                + " commission " + row.getCommission() + " net " + row.getNet() + " paidOut " + row.getPaidOut()
                + " payouts " + row.getPayouts() + " " + row.getStatus();
    }

    private static String describeRow(JsonNode row) {
        return row.get("date").asText() + " " + row.get("currency").asText() + " count "
                + row.get("count").asLong()
                + " gross " + row.get("gross").asLong() + " refunds "
                + row.get("refunds").asLong() + " chargebacks "
                + row.get("chargebacks").asLong() + " fees " + row.get("fees").asLong() + " commission "
                + row.get("commission").asLong() + " net " + row.get("net").asLong() + " paidOut "
                + row.get("paidOut").asLong() + " payouts " + row.get("payouts").asLong() + " "
                + row.get("status").asText();
    }

    private static long merchantCredit(JsonNode outcome) {
        long sum = 0;
        for (JsonNode p : outcome.get("postings")) {
            if (p.get("account").asText().startsWith("merchant:")) {
                sum += p.get("amount").asLong();
            }
        }
        return sum;
    }
}
