package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.cli.run.LedgerClient.Answer;
import org.kleline.ledger.cli.run.RawHttp.Request;

/**
 * A fuzz campaign over every route of {@code ledger run}, through raw HTTP: bodies, parameters and headers
 * around each field's limits and beyond (huge and deep JSON, numbers around +-2^63 and +-1e12, strings
 * with NUL, bidi controls, lone surrogates, invalid UTF-8 and over-long values, extreme instants and
 * dates, bit-flipped cursors, bad {@code Prefer} and {@code Idempotency-Key} headers, oversized headers,
 * chunked, BOM and CRLF NDJSON, wrong content types), as the admin and as keys of other roles.
 *
 * <p>Oracle per request: a 4xx answer is an {@code application/problem+json} body with {@code type},
 * {@code title} and {@code status} equal to the answer's, and {@code field} where the campaign broke one
 * named field; a 2xx is one the route may give; never a 5xx. Oracle over the log: {@code ledger.events},
 * read back by a plain consumer, holds exactly one record for each event a 2xx write acknowledged and
 * nothing else beyond what it held before: every request carries ids of its own, so a refused one that
 * appended would show.
 *
 * <p>The normal build runs {@value #REQUESTS_DEFAULT} requests of a fixed seed. {@code -Dledger.fuzz.requests=N}
 * runs more, {@code -Dledger.fuzz.seed=S} replays a seed, {@code -Dledger.fuzz.seed=random} takes a fresh one
 * (printed); the Maven profile {@code fuzz-long} runs 100,000 of a fresh seed.
 */
@ExtendWith(LedgerRunPerClass.class)
class FuzzIT {

    static final int REQUESTS_DEFAULT = 3_000;
    private static final long FIXED_SEED = 20261207L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS_TOPIC = "ledger.events";
    private static final String PLAN = "{\"cardBps\":200,\"cardFixed\":20,\"microBps\":500,\"microFixed\":2,"
            + "\"chargebackFee\":1000,\"partnerShareBps\":0}";

    private static LedgerRun ledger;
    private static LedgerClient admin;
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static String realCursor;
    private static Instant now;

    @BeforeAll
    static void start(LedgerRun run) {
        ledger = run;
        admin = LedgerClient.admin(ledger);
        KEYS.put("admin", ledger.adminKey().secret());
        KEYS.put("merchant", makeKey("{\"role\":\"merchant\",\"merchantId\":\"m-a\"}"));
        KEYS.put("wallets", makeKey("{\"role\":\"wallets\"}"));
        KEYS.put("analyst", makeKey("{\"role\":\"analyst\"}"));
        KEYS.put("auditor", makeKey("{\"role\":\"auditor\"}"));
        decided(admin.write(
                "/v1/merchants",
                "{\"merchantId\":\"m-a\",\"name\":\"Shop a\",\"currency\":\"EUR\"," + "\"feePlan\":" + PLAN + "}",
                "setup-m-a"));
        decided(admin.write(
                "/v1/wallets", "{\"walletId\":\"w-1\",\"currency\":\"EUR\",\"maxBalance\":1000000000}", "setup-w-1"));
        for (int i = 0; i < 3; i++) {
            decided(admin.write("/v1/wallets/w-1/top-ups", "{\"amount\":100000}", "setup-top-" + i));
        }
        decided(admin.write(
                "/v1/card-payments",
                "{\"paymentId\":\"c-a\",\"merchantId\":\"m-a\",\"amount\":100000," + "\"currency\":\"EUR\"}",
                "setup-c-a"));
        decided(admin.write("/v1/card-payments/c-a/captures", "{\"amount\":50000}", "setup-cap-a"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/v1/accounts/wallet:w-1/entries?limit=1")
                        .json()
                        .path("nextCursor")
                        .isTextual());
        realCursor = admin.get("/v1/accounts/wallet:w-1/entries?limit=1")
                .json()
                .get("nextCursor")
                .asText();
    }

    @Test
    void noRequestIsA5xxEveryRefusalIsAProblemAndAppendsNothing() throws Exception {
        String asked = System.getProperty("ledger.fuzz.seed", Long.toString(FIXED_SEED));
        long seed = asked.equals("random") ? new Random().nextLong() : Long.parseLong(asked);
        int requests = Integer.getInteger("ledger.fuzz.requests", REQUESTS_DEFAULT);
        System.out.println("FuzzIT seed " + seed + ", " + requests + " requests (replay with -Dledger.fuzz.seed=" + seed
                + " -Dledger.fuzz.requests=" + requests + ")");
        Random random = new Random(seed);
        Map<String, Long> logBefore = eventIdsInLog();
        long endsBefore = endOffsetsTotal();

        Campaign campaign = new Campaign(random);
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> problemTypes = new TreeSet<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> badAnswers = new ArrayList<>();
        Map<String, String> expectedIds = new HashMap<>();
        Map<String, String> refusedIds = new HashMap<>();
        int noAnswer = 0;
        long began = System.nanoTime();
        for (int n = 0; n < requests; n++) {
            now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Case c = campaign.next(n);
            RawHttp.Answer answer;
            try {
                answer = RawHttp.send(ledger.port(), c.request());
            } catch (IOException e) {
                // A connection the server cut (a head far over its limit) answers nothing: allowed there only.
                if (!c.mayGoUnanswered()) {
                    badAnswers.add(c.label() + ": no answer: " + e);
                }
                noAnswer++;
                c.ids().forEach(id -> refusedIds.put(id, c.label()));
                continue;
            }
            statuses.merge(Integer.toString(answer.status()), 1, Integer::sum);
            if (answer.status() >= 500) {
                serverErrors.add(c.label() + " -> " + answer.status() + " " + shown(answer.text()) + "\n    request: "
                        + describe(c.request()));
                c.ids().forEach(id -> refusedIds.put(id, c.label()));
                continue;
            }
            if (answer.status() >= 400) {
                String wrong = problemFault(answer, c);
                if (wrong != null) {
                    badAnswers.add(c.label() + " -> " + answer.status() + ": " + wrong + "\n    request: "
                            + describe(c.request()));
                } else if (!c.request().method().equals("HEAD")) {
                    problemTypes.add(JSON.readTree(answer.body()).get("type").asText());
                }
                c.ids().forEach(id -> refusedIds.put(id, c.label()));
                continue;
            }
            if (!c.kind().allowed.contains(answer.status())) {
                badAnswers.add(c.label() + " -> " + answer.status() + " is not an answer of a " + c.kind() + ": "
                        + shown(answer.text()));
            }
            appended(c, answer).forEach(id -> expectedIds.put(id, c.label()));
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        // Everything acknowledged is in the log (the broker acknowledged it before the answer): read it back.
        Map<String, Long> logAfter = eventIdsInLog();
        long endsAfter = endOffsetsTotal();
        List<String> logFaults = new ArrayList<>();
        long newRecords = logAfter.values().stream().mapToLong(Long::longValue).sum()
                - logBefore.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> record : logAfter.entrySet()) {
            long added = record.getValue() - logBefore.getOrDefault(record.getKey(), 0L);
            if (added == 0) {
                continue;
            }
            if (refusedIds.containsKey(record.getKey())) {
                logFaults.add("refused request appended " + record.getKey() + ": " + refusedIds.get(record.getKey()));
            } else if (!expectedIds.containsKey(record.getKey())) {
                logFaults.add("an event no 2xx acknowledged: " + record.getKey());
            } else if (added != 1) {
                logFaults.add(record.getKey() + " appended " + added + " times: " + expectedIds.get(record.getKey()));
            }
        }
        for (String id : expectedIds.keySet()) {
            if (logAfter.getOrDefault(id, 0L) - logBefore.getOrDefault(id, 0L) != 1) {
                logFaults.add("acknowledged but not in the log once: " + id + " (" + expectedIds.get(id) + ")");
            }
        }

        System.out.printf(
                "FuzzIT: %d requests in %.1f s (%.0f/s), seed %d%n", requests, seconds, requests / seconds, seed);
        System.out.println(
                "FuzzIT: answers by status " + statuses + ", " + noAnswer + " connections cut by the server");
        System.out.println("FuzzIT: " + problemTypes.size() + " distinct problem types: " + problemTypes);
        System.out.println("FuzzIT: " + expectedIds.size() + " events acknowledged, " + newRecords
                + " records appended, ledger.events end offsets moved by " + (endsAfter - endsBefore)
                + " (records and transaction markers)");
        System.out.println("FuzzIT: " + serverErrors.size() + " 5xx, " + badAnswers.size() + " other faults, "
                + logFaults.size() + " log faults");
        serverErrors.stream().limit(20).forEach(e -> System.out.println("  5xx: " + e));
        badAnswers.stream().limit(20).forEach(e -> System.out.println("  fault: " + e));
        logFaults.stream().limit(20).forEach(e -> System.out.println("  log: " + e));

        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(badAnswers).as("answers that break the contract").isEmpty();
        assertThat(logFaults).as("the log against the 2xx writes").isEmpty();
        assertThat(newRecords).isEqualTo(expectedIds.size());
        assertThat(problemTypes.size()).isGreaterThanOrEqualTo(requests >= 1_000 ? 8 : 1);
    }

    @Test
    void anImportSentAsTextPlainIsA415AndAppendsNothing() {
        String line =
                "{\"type\":\"WalletToppedUp\",\"eventId\":\"plain-import-1\",\"walletId\":\"w-1\",\"amount\":1}\n";
        for (String type : List.of("text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded")) {
            Answer refused = admin.post("/v1/events", line, "Content-Type", type);
            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText())
                    .isEqualTo("urn:kleline:ledger:problem:unsupported-media-type");
            assertThat(refused.json().get("field").asText()).isEqualTo("Content-Type");
        }
        assertThat(admin.post(
                                "/v1/events",
                                line.replace("plain-import-1", "plain-import-2"),
                                "Content-Type",
                                "application/x-ndjson")
                        .status())
                .isEqualTo(200);
        Map<String, Long> log = eventIdsInLog();
        assertThat(log).containsEntry("plain-import-2", 1L).doesNotContainKey("plain-import-1");
    }

    // ---------------------------------------------------------------------------------------------
    // The oracle

    /** What is wrong with a 4xx answer's body, or null when it is a problem as the contract says. */
    private static String problemFault(RawHttp.Answer answer, Case c) {
        if (c.request().method().equals("HEAD")) {
            return null;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "Content-Type " + type + ", body " + shown(answer.text());
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            return "a problem body that is not JSON: " + shown(answer.text());
        }
        if (!problem.path("type").isTextual()
                || !problem.path("title").isTextual()
                || problem.path("status").asInt() != answer.status()) {
            return "not a problem body: " + shown(answer.text());
        }
        String named = problem.path("field").asText(null);
        boolean inField = named != null
                && (named.equals(c.field()) || named.startsWith(c.field() + ".") || named.startsWith(c.field() + "["));
        // The HTTP server refuses a path it cannot decode or a NUL in a header before anything reads a field.
        boolean beforeFields = problem.path("type").asText().equals("urn:kleline:ledger:problem:bad-request");
        if (answer.status() == 400 && c.field() != null && !inField && !beforeFields) {
            return "field " + problem.path("field").asText(null) + ", expected " + c.field() + ": "
                    + shown(answer.text());
        }
        if (answer.status() == 400 && c.line() != null && problem.path("line").asInt(-1) != c.line()) {
            return "line " + problem.path("line").asInt(-1) + ", expected " + c.line() + ": " + shown(answer.text());
        }
        if ((answer.status() == 429 || answer.status() == 503) && answer.header("Retry-After") == null) {
            return answer.status() + " without Retry-After";
        }
        return null;
    }

    /** The eventIds a 2xx answer says were appended. */
    private static List<String> appended(Case c, RawHttp.Answer answer) throws IOException {
        return switch (c.kind()) {
            case WRITE -> "true".equals(answer.header("Idempotent-Replayed")) ? List.of() : c.ids();
            case BULK -> {
                int accepted = JSON.readTree(answer.body()).get("accepted").asInt();
                assertThat(accepted).as(c.label()).isEqualTo(c.ids().size());
                yield c.ids();
            }
            case SETTLE -> {
                List<String> ids = new ArrayList<>();
                JSON.readTree(answer.body())
                        .get("payouts")
                        .forEach(p -> ids.add(p.get("payoutId").asText()));
                yield ids;
            }
            default -> List.of();
        };
    }

    private static Map<String, Long> eventIdsInLog() {
        Properties props = WholeTopic.readCommitted(ledger.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Long> ids = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = WholeTopic.assignFromStart(consumer, EVENTS_TOPIC);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading ledger.events back").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.merge(eventIdOf(record.value()), 1L, Long::sum);
                }
            }
        }
        return ids;
    }

    private static long endOffsetsTotal() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(WholeTopic.partitions(consumer, EVENTS_TOPIC)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * The eventId of an EventEnvelope in the Confluent wire format, read by hand (magic byte, schema id,
     * then the Avro record, whose first field is the eventId string: a zig-zag varint length and UTF-8),
     * so the oracle does not lean on the product's own deserializer.
     */
    static String eventIdOf(byte[] value) {
        if (value == null || value.length < 6 || value[0] != 0) {
            return "<not an event: " + (value == null ? "null" : value.length + " bytes") + ">";
        }
        int at = 5;
        long raw = 0;
        int shift = 0;
        while (true) {
            int b = value[at++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        int length = (int) ((raw >>> 1) ^ -(raw & 1));
        return new String(value, at, length, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------
    // The campaign

    /** What kind of call a case is, and the 2xx statuses it may answer. */
    enum Kind {
        WRITE(Set.of(200, 202)),
        BULK(Set.of(200)),
        SETTLE(Set.of(200)),
        READ(Set.of(200)),
        KEYS(Set.of(200, 201)),
        OTHER(Set.of(200));

        final Set<Integer> allowed;

        Kind(Set<Integer> allowed) {
            this.allowed = allowed;
        }
    }

    /**
     * One request and what the oracle knows of it: the eventIds it would append, the field a 400 must
     * name (null: any, or none), the NDJSON line it must name.
     */
    record Case(
            String label,
            Kind kind,
            Request request,
            List<String> ids,
            String field,
            Integer line,
            boolean mayGoUnanswered) {}

    /** One JSON write route: its path and a valid body as ordered fields (raw JSON tokens). */
    private record WriteRoute(String path, Supplier<LinkedHashMap<String, String>> body) {}

    /** Builds the cases: a valid request of a route, then one thing (a field, a header, the body) made hostile. */
    private static final class Campaign {

        private final Random random;
        private int n;

        Campaign(Random random) {
            this.random = random;
        }

        Case next(int number) throws IOException {
            this.n = number;
            int pick = random.nextInt(100);
            if (pick < 45) {
                return write();
            }
            if (pick < 60) {
                return bulk();
            }
            if (pick < 90) {
                return read();
            }
            if (pick < 92) {
                return settle();
            }
            if (pick < 95) {
                return keys();
            }
            return stray();
        }

        // -- single writes ---------------------------------------------------------------------

        private List<WriteRoute> writeRoutes() {
            String id = "fz" + n;
            return List.of(
                    new WriteRoute(
                            "/v1/merchants",
                            () -> fields(
                                    "merchantId",
                                    str("fzm-" + n),
                                    "name",
                                    str("Shop " + n),
                                    "partnerId",
                                    str("p-fz"),
                                    "currency",
                                    str("EUR"),
                                    "feePlan",
                                    PLAN)),
                    new WriteRoute(
                            "/v1/merchants/m-a/fee-plan",
                            () -> random.nextBoolean()
                                    ? fields("feePlan", PLAN)
                                    : fields(
                                            "feePlan",
                                            PLAN,
                                            "effectiveFrom",
                                            str(now.plusSeconds(3600).toString()))),
                    new WriteRoute(
                            "/v1/merchants/m-a/payouts",
                            () -> fields(
                                    "payoutId", str("fzp-" + n), "businessDate", str("2026-01-02"), "amount", "1")),
                    new WriteRoute(
                            "/v1/wallets",
                            () -> fields("walletId", str("fzw-" + n), "currency", str("EUR"), "maxBalance", "15000")),
                    new WriteRoute("/v1/wallets/w-1/top-ups", () -> fields("amount", "1")),
                    new WriteRoute("/v1/wallets/w-1/redemptions", () -> fields("amount", "1")),
                    new WriteRoute(
                            "/v1/wallets/w-1/micropayments", () -> fields("merchantId", str("m-a"), "amount", "1")),
                    new WriteRoute(
                            "/v1/card-payments",
                            () -> fields(
                                    "paymentId",
                                    str("fzc-" + id),
                                    "merchantId",
                                    str("m-a"),
                                    "amount",
                                    "100",
                                    "currency",
                                    str("EUR"))),
                    new WriteRoute("/v1/card-payments/c-a/captures", () -> fields("amount", "1")),
                    new WriteRoute("/v1/card-payments/c-a/refunds", () -> fields("amount", "1")),
                    new WriteRoute(
                            "/v1/card-payments/c-a/chargebacks",
                            () -> fields("amount", "1", "reasonCode", str("4837"))));
        }

        private Case write() {
            WriteRoute route = pick(writeRoutes());
            LinkedHashMap<String, String> body = route.body().get();
            String key = "fz" + n;
            List<String[]> headers =
                    new ArrayList<>(RawHttp.headers("Content-Type", "application/json", "Idempotency-Key", key));
            if (random.nextInt(4) == 0) {
                headers.add(new String[] {"Prefer", "wait=" + random.nextInt(3)});
            }
            String label = "POST " + route.path();
            String field = null;
            byte[] bytes = null;
            boolean chunked = false;
            boolean unanswered = false;
            int what = random.nextInt(100);
            if (what < 45) {
                // One field of the body (feePlan's own fields too), or one too many.
                List<String> names = new ArrayList<>(body.keySet());
                String name = pick(names);
                if (name.equals("feePlan") && random.nextBoolean()) {
                    String planField = pick(List.of(
                            "cardBps", "cardFixed", "microBps", "microFixed", "chargebackFee", "partnerShareBps"));
                    String value = number();
                    body.put(
                            "feePlan",
                            PLAN.replaceFirst(
                                    "\"" + planField + "\":\\d+",
                                    "\"" + planField + "\":" + java.util.regex.Matcher.quoteReplacement(value)));
                    label += " feePlan." + planField + "=" + shown(value);
                    field = "feePlan." + planField;
                } else {
                    String value = hostileValue(name);
                    body.put(name, value);
                    label += " " + name + "=" + shown(value);
                    field = name;
                }
                if (random.nextInt(10) == 0) {
                    body.remove(name);
                    label += " (removed)";
                    field = name;
                }
            } else if (what < 50) {
                String extra = pick(List.of("walletId", "occurredAt", "eventId", "type", "x", "\\u0000", "amount "));
                body.put(extra, "1");
                label += " extra field " + extra;
                field = null;
            } else if (what < 62) {
                // The Idempotency-Key header.
                String value = pick(List.of(
                        "",
                        " ",
                        "k".repeat(65),
                        "a b",
                        "ключ",
                        "a\u0000b",
                        "a\u202Eb",
                        "%00",
                        "k".repeat(64) + n,
                        "kk;" + n,
                        "k" + n + "\t",
                        unique("k".repeat(64)),
                        " " + unique("k")));
                label += replaceHeader(headers, "Idempotency-Key", value, random.nextInt(5) > 0);
                if (random.nextInt(8) == 0) {
                    headers.add(new String[] {"Idempotency-Key", key});
                }
                field = "Idempotency-Key";
            } else if (what < 72) {
                String value = pick(List.of(
                        "wait=31",
                        "wait=-1",
                        "wait=1.5",
                        "wait=\"2\"",
                        "wait=",
                        "wait",
                        "wait=99999999999999999999",
                        "wait=1, wait=40",
                        "respond-async",
                        "wait=1;x=y",
                        "WAIT=0",
                        "wait=0,,,",
                        ";;;",
                        "wait=\u0000",
                        "wait=" + "9".repeat(5_000)));
                label += replaceHeader(headers, "Prefer", value, true);
                field = "Prefer";
            } else if (what < 80) {
                String value = pick(List.of(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data",
                        "application/xml",
                        "",
                        "application/json; charset=utf-16",
                        "APPLICATION/JSON",
                        "application/problem+json",
                        "application/x-ndjson",
                        "*/*",
                        "application/json\u0000"));
                label += replaceHeader(headers, "Content-Type", value, !value.isEmpty());
            } else if (what < 86) {
                int size = pick(List.of(9_000, 70_000, 300_000));
                headers.add(new String[] {
                    pick(List.of("X-Padding", "Idempotency-Key", "Prefer", "Authorization")), "x".repeat(size)
                });
                label += " a header of " + size + " bytes";
                unanswered = size > 100_000;
            } else {
                // The body as a whole.
                int shape = random.nextInt(12);
                String json = toJson(body);
                switch (shape) {
                    case 0 -> bytes = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
                    case 1 ->
                        bytes = ("{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001))
                                .getBytes(StandardCharsets.UTF_8);
                    case 2 ->
                        bytes = (json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(1_100_000) + "\"}")
                                .getBytes(StandardCharsets.UTF_8);
                    case 3 -> bytes = (json + " " + json).getBytes(StandardCharsets.UTF_8);
                    case 4 -> bytes = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
                    case 5 -> bytes = new byte[0];
                    case 6 -> bytes = json.replace("{", "{\"amount\":1,").getBytes(StandardCharsets.UTF_8);
                    case 7 -> {
                        bytes = json.getBytes(StandardCharsets.UTF_8);
                        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    case 8 -> bytes = new byte[] {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                    case 9 -> bytes = "null".getBytes(StandardCharsets.UTF_8);
                    case 10 -> bytes = ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
                    default -> {
                        bytes = json.getBytes(StandardCharsets.UTF_8);
                        chunked = true;
                    }
                }
                if (shape == 2 && random.nextBoolean()) {
                    chunked = true;
                }
                label += " body shape " + shape + (chunked ? " chunked" : "");
            }
            if (bytes == null) {
                bytes = toJson(body).getBytes(StandardCharsets.UTF_8);
                if (random.nextInt(20) == 0) {
                    chunked = true;
                    label += " chunked";
                }
            }
            String role = role();
            headers.add(0, new String[] {"Authorization", "Bearer " + KEYS.get(role)});
            headers.add(0, new String[] {"Host", "127.0.0.1:" + ledger.port()});
            if (!role.equals("admin")) {
                label += " as " + role;
                field = null;
            }
            Request request = new Request("POST", route.path(), headers, bytes, chunked);
            // The eventId a write would append under: the first Idempotency-Key, as the server trims it.
            String effective = headers.stream()
                    .filter(h -> h[0].equals("Idempotency-Key"))
                    .map(h -> h[1].strip())
                    .findFirst()
                    .orElse(key);
            return new Case(label, Kind.WRITE, request, List.of(effective), field, null, unanswered);
        }

        // -- bulk ------------------------------------------------------------------------------

        private Case bulk() throws IOException {
            int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 5);
            List<LinkedHashMap<String, String>> lines = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = "fzb" + n + "-" + i;
                ids.add(id);
                LinkedHashMap<String, String> line = pick(List.<Supplier<LinkedHashMap<String, String>>>of(
                                () -> fields(
                                        "type",
                                        str("WalletToppedUp"),
                                        "eventId",
                                        str(id),
                                        "walletId",
                                        str("w-1"),
                                        "amount",
                                        "1"),
                                () -> fields(
                                        "type",
                                        str("WalletOpened"),
                                        "eventId",
                                        str(id),
                                        "walletId",
                                        str("fzbw-" + id),
                                        "currency",
                                        str("EUR")),
                                () -> fields(
                                        "type",
                                        str("MicropaymentRequested"),
                                        "eventId",
                                        str(id),
                                        "walletId",
                                        str("w-1"),
                                        "merchantId",
                                        str("m-a"),
                                        "amount",
                                        "1"),
                                () -> fields(
                                        "type",
                                        str("MerchantFeePlanChanged"),
                                        "eventId",
                                        str(id),
                                        "merchantId",
                                        str("m-a"),
                                        "feePlan",
                                        PLAN,
                                        "effectiveFrom",
                                        str(now.plusSeconds(60).toString())),
                                () -> fields(
                                        "type",
                                        str("CardPaymentAuthorized"),
                                        "eventId",
                                        str(id),
                                        "paymentId",
                                        str("fzbc-" + id),
                                        "merchantId",
                                        str("m-a"),
                                        "amount",
                                        "5",
                                        "currency",
                                        str("EUR"))))
                        .get();
                if (random.nextInt(3) == 0) {
                    line.put(
                            "occurredAt",
                            str(now.minusSeconds(random.nextInt(86_400 * 365)).toString()));
                }
                lines.add(line);
            }
            String label = "POST /v1/events " + count + " lines";
            String field = null;
            Integer lineAt = null;
            String separator = "\n";
            String prefix = "";
            boolean chunked = false;
            String contentType = "application/x-ndjson";
            byte[] raw = null;
            int what = random.nextInt(100);
            if (what < 50) {
                int index = random.nextInt(count);
                LinkedHashMap<String, String> line = lines.get(index);
                String name = random.nextInt(3) == 0 ? "occurredAt" : pick(new ArrayList<>(line.keySet()));
                String value = hostileValue(name);
                if (name.equals("eventId") && value.startsWith("\"")) {
                    // A value that is an id appends under it: one of this request's own, so the log check can tell.
                    String id = unique(JSON.readTree(value).asText());
                    value = str(id);
                    ids.set(index, id);
                }
                line.put(name, value);
                if (name.equals("occurredAt")) {
                    // An effectiveFrom before the new occurredAt would be refused for itself, naming effectiveFrom.
                    line.remove("effectiveFrom");
                }
                label += " line " + (index + 1) + " " + name + "=" + shown(value);
                field = name.equals("feePlan") ? null : name;
                lineAt = index + 1;
            } else if (what < 60) {
                separator = "\r\n";
                label += " CRLF";
            } else if (what < 65) {
                prefix = "\uFEFF";
                label += " BOM";
            } else if (what < 72) {
                chunked = true;
                label += " chunked";
            } else if (what < 77) {
                separator = "\n\n \t\n";
                label += " blank lines";
            } else if (what < 82) {
                contentType = pick(List.of(
                        "text/plain",
                        "application/json",
                        "text/csv",
                        "application/x-ndjson; charset=latin1",
                        "application/octet-stream"));
                label += " Content-Type " + contentType;
            } else if (what < 86) {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 10_001; i++) {
                    many.append("{\"type\":\"WalletToppedUp\",\"eventId\":\"fzx")
                            .append(n)
                            .append('-')
                            .append(i)
                            .append("\",\"walletId\":\"w-1\",\"amount\":1}\n");
                }
                raw = many.toString().getBytes(StandardCharsets.UTF_8);
                label += " 10,001 lines";
                lineAt = 10_001;
                ids = List.of();
            } else if (what < 90) {
                raw = (toJson(lines.get(0)) + "\n" + "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
                chunked = random.nextBoolean();
                label += " over 1 MiB" + (chunked ? " chunked" : "");
            } else if (what < 95) {
                String bad = pick(List.of(
                        "\u0000",
                        "{",
                        "[]",
                        "{\"type\":\"NoSuchEvent\",\"eventId\":\"fzz" + n + "\"}",
                        "{\"type\":\"WalletToppedUp\"}",
                        "\"just a string\"",
                        "{}{}",
                        "{\"type\":1}"));
                int index = random.nextInt(count + 1);
                List<String> texts =
                        new ArrayList<>(lines.stream().map(FuzzIT::toJson).toList());
                texts.add(index, bad);
                raw = String.join("\n", texts).getBytes(StandardCharsets.UTF_8);
                label += " a bad line " + (index + 1) + ": " + shown(bad);
                lineAt = index + 1;
            } else {
                raw = new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7B, 0x00};
                label += " invalid UTF-8";
            }
            if (raw == null) {
                StringBuilder text = new StringBuilder(prefix);
                for (LinkedHashMap<String, String> line : lines) {
                    text.append(toJson(line)).append(separator);
                }
                raw = text.toString().getBytes(StandardCharsets.UTF_8);
            }
            String role = role();
            List<String[]> headers = RawHttp.headers(
                    "Host",
                    "127.0.0.1:" + ledger.port(),
                    "Authorization",
                    "Bearer " + KEYS.get(role),
                    "Content-Type",
                    contentType);
            if (!role.equals("admin")) {
                label += " as " + role;
                field = null;
                lineAt = null;
            }
            return new Case(
                    label,
                    Kind.BULK,
                    new Request("POST", "/v1/events", headers, raw, chunked),
                    ids,
                    field,
                    lineAt,
                    false);
        }

        // -- reads -----------------------------------------------------------------------------

        private Case read() {
            int route = random.nextInt(13);
            String target;
            String field = null;
            String label;
            String hostileInstant = instantParam();
            switch (route) {
                case 0 -> {
                    String param = pick(List.of("asOf"));
                    target = "/v1/accounts/"
                            + pick(List.of("wallet:w-1", "wallet%3Aw-1", "merchant:m-a", "platform:fees"))
                            + "/balances?" + param + "=" + hostileInstant;
                    field = param;
                }
                case 1 -> {
                    String param = pick(List.of("from", "to"));
                    target = "/v1/accounts/wallet:w-1/entries?" + param + "=" + hostileInstant;
                    field = param;
                }
                case 2 -> {
                    target = "/v1/accounts/wallet:w-1/entries?cursor=" + flipped(realCursor);
                    field = "cursor";
                }
                case 3 -> {
                    target = "/v1/accounts/wallet:w-1/entries?limit="
                            + pick(List.of(
                                    "0",
                                    "1001",
                                    "-1",
                                    "9223372036854775808",
                                    "1e3",
                                    "%00",
                                    "1000",
                                    "1",
                                    "99999999999999999999999"));
                    field = "limit";
                }
                case 4 -> {
                    target = "/v1/accounts/" + hostileSegment() + "/balances";
                    field = "accountId";
                }
                case 5 -> {
                    target = pick(List.of("/v1/wallets/", "/v1/merchants/", "/v1/card-payments/", "/v1/events/"))
                            + hostileSegment();
                }
                case 6 -> {
                    String param = pick(List.of("from", "to"));
                    target = "/v1/merchants/m-a/settlements?" + param + "=" + dateParam();
                    field = param;
                }
                case 7 -> {
                    target = "/v1/settlements/" + dateParam()
                            + (random.nextInt(4) == 0
                                    ? "?caughtUp=" + pick(List.of("true", "false", "yes", "TRUE", ""))
                                    : "");
                    field = null;
                }
                case 8 -> target = "/v1/trial-balance" + pick(List.of("", "?x=1", "?currency=EUR&currency=EUR"));
                case 9 ->
                    target = pick(List.of(
                            "/metrics",
                            "/health",
                            "/v1/api-keys",
                            "/v1/accounts/platform:fees/entries" + "?from=2026-01-01&to=2025-01-01",
                            "/v1/accounts/wallet:w-1/balances?asOf=1&asOf=2",
                            "/v1/accounts/wallet:w-1/balances?asof=2026-01-01"));
                case 10 -> target = "/v1/accounts/wallet:w-1/balances?" + hostileQuery();
                case 11 -> {
                    return lookup();
                }
                default ->
                    target = "/v1/accounts/wallet:w-1/entries?" + "from=" + instantParam() + "&to=" + instantParam()
                            + "&limit=" + (1 + random.nextInt(1000));
            }
            label = "GET " + shown(target);
            String role = role();
            List<String[]> headers = new ArrayList<>(
                    RawHttp.headers("Host", "127.0.0.1:" + ledger.port(), "Authorization", "Bearer " + KEYS.get(role)));
            if (random.nextInt(10) == 0) {
                headers.add(
                        new String[] {"Accept", pick(List.of("text/csv", "*/*", "application/xml", "text/csv;q=0"))});
            }
            if (!role.equals("admin")) {
                label += " as " + role;
                field = null;
            }
            return new Case(
                    label, Kind.READ, new Request("GET", target, headers, null, false), List.of(), field, null, false);
        }

        private Case lookup() {
            String body = pick(List.<Supplier<String>>of(
                            () -> "{\"eventIds\":[\"setup-w-1\"," + str(hostileString()) + "]}",
                            () -> "{\"eventIds\":[" + "\"a\",".repeat(1_001) + "\"b\"]}",
                            () -> "{\"eventIds\":[]}",
                            () -> "{\"eventIds\":\"setup-w-1\"}",
                            () -> "{\"eventIds\":[1,2]}",
                            () -> "{\"eventIds\":[\"x\",\"x\"]}",
                            () -> "{\"eventIds\":[null]}",
                            () -> "{\"eventIds\":[" + "[".repeat(5_000) + "]}",
                            () -> "{\"ids\":[\"x\"]}"))
                    .get();
            List<String[]> headers = RawHttp.headers(
                    "Host",
                    "127.0.0.1:" + ledger.port(),
                    "Authorization",
                    "Bearer " + KEYS.get(pick(List.of("admin", "auditor"))),
                    "Content-Type",
                    "application/json");
            return new Case(
                    "POST /v1/outcomes/lookup " + shown(body),
                    Kind.READ,
                    new Request("POST", "/v1/outcomes/lookup", headers, body.getBytes(StandardCharsets.UTF_8), false),
                    List.of(),
                    null,
                    null,
                    false);
        }

        // -- settle, keys, anything else -------------------------------------------------------

        private Case settle() {
            String date =
                    random.nextInt(3) == 0 ? now.atZone(PARIS).toLocalDate().toString() : dateParam();
            List<String[]> headers = RawHttp.headers(
                    "Host", "127.0.0.1:" + ledger.port(), "Authorization", "Bearer " + KEYS.get("admin"));
            return new Case(
                    "POST /v1/settlements/" + date + "/settle",
                    Kind.SETTLE,
                    new Request("POST", "/v1/settlements/" + date + "/settle", headers, null, false),
                    List.of(),
                    null,
                    null,
                    false);
        }

        private Case keys() {
            List<String[]> headers = RawHttp.headers(
                    "Host",
                    "127.0.0.1:" + ledger.port(),
                    "Authorization",
                    "Bearer " + KEYS.get("admin"),
                    "Content-Type",
                    "application/json");
            int what = random.nextInt(3);
            if (what == 0) {
                String body = pick(List.of(
                        "{\"role\":\"root\"}",
                        "{\"role\":\"merchant\"}",
                        "{\"role\":\"analyst\",\"label\":" + str(hostileString()) + "}",
                        "{\"role\":\"merchant\",\"merchantId\":" + str(hostileString()) + "}",
                        "{\"role\":\"analyst\",\"merchantId\":\"m-a\"}",
                        "{\"role\":null}",
                        "{}",
                        "[]"));
                return new Case(
                        "POST /v1/api-keys " + shown(body),
                        Kind.KEYS,
                        new Request("POST", "/v1/api-keys", headers, body.getBytes(StandardCharsets.UTF_8), false),
                        List.of(),
                        null,
                        null,
                        false);
            }
            String target = what == 1 ? "/v1/api-keys/" + hostileSegment() : "/v1/api-keys?limit=1";
            String method = what == 1 ? "DELETE" : "GET";
            return new Case(
                    method + " " + shown(target),
                    Kind.KEYS,
                    new Request(method, target, headers, null, false),
                    List.of(),
                    null,
                    null,
                    false);
        }

        private Case stray() {
            String method = pick(List.of("PUT", "DELETE", "PATCH", "GET", "POST", "OPTIONS", "HEAD", "TRACE", "FOO"));
            String target = pick(List.of(
                    "/v1/wallets",
                    "/v1/nothing",
                    "/",
                    "/v1/events/x/y",
                    "/internal/v1/reads",
                    "/v1/../v1/trial-balance",
                    "/v1/%2e%2e/health",
                    "/v1/wallets/w-1/top-ups?x=" + "y".repeat(9_000),
                    "/v1/wallets/%ZZ",
                    "/v1/trial-balance#frag",
                    "//v1//trial-balance"));
            List<String[]> headers = new ArrayList<>(RawHttp.headers("Authorization", "Bearer " + KEYS.get("admin")));
            int host = random.nextInt(4);
            headers.add(0, new String[] {
                "Host",
                host == 0
                        ? "evil.example:" + ledger.port()
                        : host == 1 ? "localhost:" + ledger.port() : "127.0.0.1:" + ledger.port()
            });
            byte[] body = method.equals("POST") || method.equals("PUT") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
            if (body != null) {
                headers.add(new String[] {"Content-Type", "application/json"});
            }
            if (target.startsWith("/internal")) {
                headers.add(new String[] {"Ledger-Cluster-Secret", pick(List.of("wrong", "", "x".repeat(100)))});
                headers.add(new String[] {"Ledger-Forwarded-By", "localhost:1"});
            }
            // HEAD answers have no body to hold a problem: judged by status only (below, as OTHER with no body).
            return new Case(
                    method + " " + shown(target) + " Host#" + host,
                    method.equals("HEAD") ? Kind.OTHER : Kind.OTHER,
                    new Request(method, target, headers, body, false),
                    List.of(),
                    null,
                    null,
                    false);
        }

        // -- values ----------------------------------------------------------------------------

        private String hostileValue(String name) {
            return switch (name) {
                case "amount", "maxBalance" -> number();
                case "occurredAt", "effectiveFrom" -> instantValue();
                case "businessDate" -> dateValue();
                case "feePlan" ->
                    pick(List.of(
                            "{}",
                            "null",
                            "[]",
                            "1",
                            "{\"cardBps\":1}",
                            PLAN.replace("}", ",\"x\":1}"),
                            "\"" + PLAN.replace("\"", "\\\"") + "\""));
                default ->
                    random.nextInt(6) == 0
                            ? pick(List.of("1", "null", "true", "[]", "{}", "-0"))
                            : str(hostileString());
            };
        }

        private String number() {
            return pick(List.of(
                    "0",
                    "-1",
                    "1",
                    "999999999999",
                    "1000000000000",
                    "1000000000001",
                    "-1000000000000",
                    "-999999999999",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775808",
                    "-9223372036854775809",
                    "18446744073709551616",
                    "1e12",
                    "1.0e12",
                    "1.5",
                    "-0",
                    "1e400",
                    "0x10",
                    "\"100\"",
                    "true",
                    "null",
                    "[]",
                    "{}",
                    "1" + "0".repeat(2_000),
                    "10000",
                    "10001",
                    "2147483648",
                    "-2147483649",
                    "NaN",
                    "Infinity",
                    "1.0",
                    "1E3",
                    "01"));
        }

        private String instantValue() {
            return pick(List.of(
                    str("+1000000000-01-01T00:00:00Z"),
                    str("-1000000000-01-01T00:00:00Z"),
                    str("+999999999-12-31T23:59:59.999999999Z"),
                    str("9999-12-31T23:59:59.999Z"),
                    str("+10000-01-01T00:00:00Z"),
                    str("0000-01-01T00:00:00Z"),
                    str("0001-01-01T00:00:00Z"),
                    str("1969-12-31T23:59:59.999Z"),
                    str("1989-12-31T23:59:59.999Z"),
                    str("1990-01-01T00:00:00Z"),
                    str("2999-01-01T00:00:00Z"),
                    str(now.toString()),
                    str(now.plusSeconds(240).toString()),
                    str(now.plusSeconds(360).toString()),
                    str("2026-02-30T00:00:00Z"),
                    str("1998-12-31T23:59:60Z"),
                    str("2020-01-01T00:00:00+05:00"),
                    str("2020-01-01T00:00:00"),
                    str("2020-01-01"),
                    str("2020-01-01T00:00:00.123456789Z"),
                    "9223372036854775807",
                    "-9223372036854775808",
                    "9223372036854775808",
                    "0",
                    "1.5e3",
                    "1e30",
                    "-1e30",
                    str(""),
                    str(" "),
                    "null",
                    "[]",
                    Long.toString(now.toEpochMilli()),
                    Long.toString(now.plusSeconds(86_400).toEpochMilli())));
        }

        private String dateValue() {
            return pick(List.of(
                    str("0000-01-01"),
                    str("0001-01-01"),
                    str("9999-12-31"),
                    str("+10000-01-01"),
                    str("+999999999-12-31"),
                    str("-999999999-01-01"),
                    str("2024-02-30"),
                    str("2024-13-01"),
                    str("20240101"),
                    str("2024-1-1"),
                    "1",
                    "null",
                    str(""),
                    str("2026-01-02T00:00:00Z")));
        }

        private String instantParam() {
            return pick(List.of(
                    "%2B1000000000-01-01T00:00:00Z",
                    "-1000000000-01-01T00:00:00Z",
                    "%2B999999999-12-31T23:59:59.999999999Z",
                    "9999-12-31T23:59:59.999Z",
                    "%2B10000-01-01T00:00:00Z",
                    "0000-01-01T00:00:00Z",
                    "0001-01-01T00:00:00Z",
                    "0000-01-01",
                    "0001-01-01",
                    "9999-12-31",
                    "1970-01-01T00:00:00Z",
                    "2026-02-30",
                    "2026-01-01T00:00:00%2B01:00",
                    "1998-12-31T23:59:60Z",
                    "9223372036854775807",
                    "now",
                    "%00",
                    "%E2%80%AE2026-01-01",
                    "2026-01-01T25:00:00Z",
                    "",
                    "2026-01-01T00:00:00.1234567891Z",
                    "%ED%A0%80",
                    "x".repeat(2_000)));
        }

        private String dateParam() {
            return pick(List.of(
                    "0000-01-01",
                    "0001-01-01",
                    "9999-12-31",
                    "%2B10000-01-01",
                    "%2B999999999-12-31",
                    "-999999999-01-01",
                    "2024-02-30",
                    "2024-13-01",
                    "20240101",
                    "2024-1-1",
                    "2026-01-02",
                    "%00",
                    "%E2%80%AE",
                    "1999-11-26",
                    "x".repeat(300),
                    "%D9%A1%D9%A9%D9%A9%D9%A9-01-01"));
        }

        private String hostileSegment() {
            return pick(List.of(
                    "%00",
                    "a%00b",
                    "%E2%80%AE",
                    "%ED%A0%80",
                    "%C3%28",
                    "x".repeat(5_000),
                    "wallet:",
                    "wallet:w-1:x",
                    "platform:nothing",
                    "%20",
                    "..",
                    "a%2Fb",
                    "k".repeat(65),
                    "w-1",
                    "merchant%3Am-a",
                    "setup-w-1",
                    "po-m-a-2026-01-01",
                    "%F0%9F%98%80",
                    "%25",
                    "ZZ%ZZ"));
        }

        private String hostileQuery() {
            return pick(List.of(
                    "%00=1",
                    "asOf=%ZZ",
                    "a=1&b=2",
                    "asOf",
                    "=1",
                    "&&&",
                    "asOf=" + "9".repeat(1_100),
                    "asOf=2026-01-01&asOf=",
                    "%E2%80%AE=1",
                    "asOf=2026-01-01T00:00:00Z&x"));
        }

        private String hostileString() {
            return pick(List.of(
                    "",
                    " ",
                    "\u0000",
                    "a\u0000b",
                    "\u202Eevil",
                    "\u200F",
                    "\uD800",
                    "\uDC00x",
                    "x".repeat(65),
                    "x".repeat(201),
                    "x".repeat(30_000),
                    "é",
                    "\uD83D\uDE00",
                    "../../etc",
                    "%00",
                    "m-a\n",
                    "<script>",
                    "\\",
                    "\"",
                    "EUR",
                    "eur",
                    "EURO",
                    "XXX",
                    "m-a",
                    "w-1",
                    "\u0085",
                    "\uFEFF",
                    "\t",
                    "a".repeat(64)));
        }

        private String flipped(String cursor) {
            byte[] bytes = cursor.getBytes(StandardCharsets.US_ASCII);
            int what = random.nextInt(5);
            if (what == 0) {
                byte[] decoded = Base64.getUrlDecoder().decode(cursor);
                decoded[random.nextInt(decoded.length)] ^= (byte) (1 << random.nextInt(8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded);
            }
            if (what == 1) {
                return cursor.substring(0, random.nextInt(cursor.length()));
            }
            if (what == 2) {
                return cursor + "A".repeat(1 + random.nextInt(600));
            }
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(7));
            return java.net.URLEncoder.encode(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }

        /** {@code value} made this request's own when it is an id (same length where it can be), else as it is. */
        private String unique(String value) {
            if (!value.matches("[A-Za-z0-9._:-]{1,64}")) {
                return value;
            }
            String own = "u" + n + "-" + value;
            return own.length() > 64 ? own.substring(0, 64) : own;
        }

        private String role() {
            int r = random.nextInt(100);
            return r < 80 ? "admin" : pick(List.of("merchant", "wallets", "analyst", "auditor"));
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static LinkedHashMap<String, String> fields(String... namesAndTokens) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTokens.length; i += 2) {
            fields.put(namesAndTokens[i], namesAndTokens[i + 1]);
        }
        return fields;
    }

    private static String toJson(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, token) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(str(name)).append(':').append(token);
        });
        return json.append('}').toString();
    }

    /**
     * A JSON string of {@code text}, every character outside printable ASCII escaped as {@code \\uXXXX}:
     * so a lone surrogate reaches the server as the escape, which Jackson reads into a Java string.
     */
    static String str(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /**
     * Takes every {@code name} header out, then sends {@code value} as the only one when {@code sent}; the
     * words of the case's label for it, which name the value even when it is not sent.
     */
    private static String replaceHeader(List<String[]> headers, String name, String value, boolean sent) {
        headers.removeIf(h -> h[0].equals(name));
        if (sent) {
            headers.add(new String[] {name, value});
        }
        return " " + name + "=" + shown(value);
    }

    private static String shown(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0");
        return flat.length() > 160 ? flat.substring(0, 160) + "...(" + flat.length() + ")" : flat;
    }

    private static String describe(Request request) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(shown(request.target()));
        for (String[] header : request.headers()) {
            if (!header[0].equals("Authorization") && !header[0].equals("Host")) {
                text.append(" [")
                        .append(header[0])
                        .append(": ")
                        .append(shown(header[1]))
                        .append(']');
            }
        }
        if (request.body() != null) {
            text.append(request.chunked() ? " chunked " : " ")
                    .append(shown(new String(request.body(), StandardCharsets.UTF_8)));
        }
        return text.toString();
    }

    private static String makeKey(String body) {
        Answer made = admin.post("/v1/api-keys", body, "Content-Type", "application/json");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("secret").asText();
    }

    private static JsonNode decided(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).as(answer.body()).isEqualTo("ACCEPTED");
        return answer.json();
    }
}
