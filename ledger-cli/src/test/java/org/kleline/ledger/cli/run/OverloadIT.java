package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.run.LedgerClient.Answer;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.web.server.HttpLimits;
import org.kleline.ledger.web.server.RequestClass;

/**
 * Overload on the whole product: more writes asking {@code Prefer: wait} at once than ingest lets wait
 * (here 4), and a burst of {@code ?caughtUp=true} reads on the catch-up barrier. The writes past the
 * bound are 503 or 429 problems with {@code Retry-After}, appending nothing; every write answered 2xx has
 * exactly one event in ledger.events and one outcome in ledger.outcomes; the reads all answer. Then an
 * open-loop load past capacity on every kind of request, with slow clients holding sockets
 * ({@link #anOpenLoopBurstPastCapacityIsAnsweredNotAbsorbedAndTheServerRecovers}).
 *
 * <p>The server's limits are small here ({@link #LIMITS}), so two shared cores reach them; the longer
 * campaign of {@code -Poverload-long} raises the rate and the duration, not the limits.
 */
class OverloadIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int WAITS_MAX = 4;
    private static final int BURST = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HTTP_THREADS = 24;
    /**
     * Short, so the slow clients are cut off within the test; not shorter, because on two starved cores a
     * selector that does not run for a few seconds would see a connection with a request waiting as idle.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(8);
    /**
     * Small bounds of requests in flight, so that two cores reach them (waits above the 100 caught-up reads sent at
     * once below); the default bound of connections, so that clients wait for answers, not for a connection.
     */
    static final HttpLimits LIMITS = HttpLimits.defaults()
            .withThreads(HTTP_THREADS)
            .withIdleTimeout(IDLE_TIMEOUT)
            .withInFlight(RequestClass.WRITES, 24)
            .withInFlight(RequestClass.WAITS, 128)
            .withInFlight(RequestClass.BULK, 2)
            .withInFlight(RequestClass.SETTLES, 1)
            .withInFlight(RequestClass.READS, 8)
            .withInFlight(RequestClass.HEAVY_READS, 2);
    /** Requests a second of the open loop, its length, and the slow clients beside it. */
    private static final int RATE = Integer.getInteger("ledger.overload.rate", 200);

    private static final int SECONDS = Integer.getInteger("ledger.overload.seconds", 10);
    private static final int SLOW_CLIENTS = Integer.getInteger("ledger.overload.slowClients", 40);
    private static final int LOAD_WALLETS = 8;
    private static final int BULK_LINES = 20;
    private static final int PROBES = 50;
    /** Generous: the figure is measured and printed; this only says the server came back at all. */
    private static final Duration PROBE_P99_CEILING = Duration.ofSeconds(2);

    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static LedgerRun ledger;
    private static LedgerClient admin;

    @BeforeAll
    static void start() {
        ledger = LedgerRun.start(new RunSettings(dataDir, 0, 3, PARIS)
                .withIngest(IngestConfig.defaults().withPendingWaitsMax(WAITS_MAX))
                .withHttpLimits(LIMITS));
        admin = LedgerClient.admin(ledger);
        Answer open = admin.write(
                "/v1/wallets", "{\"walletId\":\"w-1\",\"currency\":\"EUR\",\"maxBalance\":1000000}", "ov-open");
        assertThat(open.status()).as(open.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void waitsPastTheBoundAre503WithRetryAfterAndEveryAcknowledgedWriteHasOneOutcome() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            HttpRequest request = HttpRequest.newBuilder(ledger.httpUrl().resolve("/v1/wallets/w-1/top-ups"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ledger.adminKey().secret())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "ov-" + i)
                    .header("Prefer", "wait=10")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}", StandardCharsets.UTF_8))
                    .build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> answer = sent.get(i).get(90, TimeUnit.SECONDS);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 200 || answer.statusCode() == 202) {
                acknowledged.add("ov-" + i);
            } else {
                // 503: past ingest's bound of waiting writes; 429: past the server's bound of waits in flight.
                assertThat(answer.statusCode()).as(answer.body()).isIn(503, 429);
                assertThat(answer.headers().firstValue("Retry-After"))
                        .as(answer.body())
                        .isPresent();
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.get("type").asText())
                        .isEqualTo(
                                answer.statusCode() == 503
                                        ? "urn:kleline:ledger:problem:unavailable"
                                        : "urn:kleline:ledger:problem:too-many-requests");
                assertThat(problem.get("status").asInt()).isEqualTo(answer.statusCode());
                refused.add("ov-" + i);
            }
        }
        System.out.println(
                "OverloadIT: " + BURST + " writes with Prefer: wait, at most " + WAITS_MAX + " waiting: " + statuses);
        assertThat(refused).as("writes past the bound of waits").isNotEmpty();
        assertThat(acknowledged).as("writes within it").isNotEmpty();

        // Every acknowledged write is in the log once and has one outcome; the refused ones neither.
        Map<String, Integer> inLog = countByEventId("ledger.events", true, acknowledged.size() + 1);
        Map<String, Integer> outcomes = countByEventId("ledger.outcomes", false, acknowledged.size() + 1);
        assertOneEventAndOneOutcomeEach(acknowledged, inLog, outcomes);
        for (String id : refused) {
            assertThat(inLog).as("a refused write in the log").doesNotContainKey(id);
            assertThat(outcomes).as("an outcome of a refused write").doesNotContainKey(id);
        }
        assertThat(admin.get("/v1/wallets/w-1").json().get("balance").asLong()).isEqualTo(acknowledged.size());
    }

    @Test
    void aBurstOfCaughtUpReadsIsAnsweredWhole() throws Exception {
        LocalDate day = Instant.now().atZone(PARIS).toLocalDate();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(http.sendAsync(
                    adminGet("/v1/settlements/" + day + "?caughtUp=true", Duration.ofSeconds(60)),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            HttpResponse<String> got = answer.get(90, TimeUnit.SECONDS);
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        }
    }

    @Test
    void anOpenLoopBurstPastCapacityIsAnsweredNotAbsorbedAndTheServerRecovers() throws Exception {
        LocalDate day = Instant.now().atZone(PARIS).toLocalDate();
        for (int w = 0; w < LOAD_WALLETS; w++) {
            Answer open = admin.write(
                    "/v1/wallets",
                    "{\"walletId\":\"wl-" + w + "\",\"currency\":\"EUR\",\"maxBalance\":1000000000000}",
                    "ol-open-" + w);
            assertThat(open.status()).as(open.body()).isEqualTo(200);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        ThreadPeaks peaks = ThreadPeaks.start(threads);
        SlowClients slow = SlowClients.open(ledger.port(), SLOW_CLIENTS, IDLE_TIMEOUT);
        long began = System.nanoTime();
        List<OpenLoop.Sent> sent;
        try {
            sent = OpenLoop.run(
                    RATE,
                    (long) RATE * SECONDS,
                    i -> http.sendAsync(
                            loadRequest(i, day), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } finally {
            slow.fallSilent();
        }
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (OpenLoop.Sent one : sent) {
            HttpResponse<String> answer;
            try {
                answer = one.answer().get(120, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                unanswered.add(LoadKind.of(one.index()) + " " + one.index() + ": " + e.getCause());
                continue;
            }
            LoadKind kind = LoadKind.of(one.index());
            int status = answer.statusCode();
            statuses.merge(kind + " " + status, 1, Integer::sum);
            assertThat(status)
                    .as(kind + " " + one.index() + ": " + answer.body())
                    .isIn(200, 202, 429, 503);
            if (status == 429 || status == 503) {
                assertThat(answer.headers().firstValue("Retry-After"))
                        .as(kind + " " + status + " " + answer.body())
                        .isPresent();
                assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(status);
            }
            List<String> written = kind.eventIds(one.index());
            if (status == 200 || status == 202) {
                acknowledged.addAll(written);
            } else if (status == 429) {
                refused.addAll(written);
            }
        }
        Duration burst = Duration.ofNanos(System.nanoTime() - began);
        assertThat(unanswered).as("requests without an answer").isEmpty();
        assertThat(statuses.keySet()).as("refusals past the bounds").anyMatch(k -> k.endsWith(" 429"));

        // The slow clients, silent now, are cut off by the idle timeout.
        Duration slowCut = slow.awaitAllClosed();
        peaks.stop();
        assertThat(peaks.httpThreads()).as("ledger-http threads at most").isLessThanOrEqualTo(HTTP_THREADS);
        assertThat(peaks.liveThreads())
                .as("live threads at most (" + threadsBefore + " before the burst)")
                .isLessThanOrEqualTo(threadsBefore + HTTP_THREADS + 64);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
        long heapMax = memory.getHeapMemoryUsage().getMax();
        assertThat(heapAfterGc).as("heap used after GC").isLessThan(heapMax * 3 / 4);

        // Nothing acknowledged is lost: each has one event and one outcome; nothing refused with 429 was appended.
        Map<String, Integer> inLog = new HashMap<>();
        Map<String, Integer> outcomes = new HashMap<>();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    outcomes.clear();
                    outcomes.putAll(countByEventId("ledger.outcomes", false, 0));
                    assertThat(outcomes.keySet()).containsAll(acknowledged);
                });
        inLog.putAll(countByEventId("ledger.events", true, 0));
        assertOneEventAndOneOutcomeEach(acknowledged, inLog, outcomes);
        for (String id : refused) {
            assertThat(inLog).as("a write refused with 429 in the log").doesNotContainKey(id);
        }

        // Normal traffic again: the p99 of 50 reads at 25 a second, measured until it is back under the ceiling.
        long recoveryBegan = System.nanoTime();
        Duration[] p99 = {Duration.ZERO};
        await().atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            p99[0] = probeP99(http);
            return p99[0].compareTo(PROBE_P99_CEILING) < 0;
        });
        Duration recovered = Duration.ofNanos(System.nanoTime() - recoveryBegan);
        clientThreads.shutdownNow();
        System.out.printf(
                Locale.ROOT,
                "OverloadIT open loop: %d requests at %d/s over %.1f s (%d slow clients, cut off %.1f s after falling"
                        + " silent); answers %s; %d events acknowledged, %d refused with 429; threads at most %d live"
                        + " (%d before), %d ledger-http; heap after GC %d MiB of %d MiB; probe p99 %d ms, back under"
                        + " %d ms %.1f s after the burst's last answer%n",
                sent.size(),
                RATE,
                burst.toMillis() / 1000.0,
                SLOW_CLIENTS,
                slowCut.toMillis() / 1000.0,
                statuses,
                acknowledged.size(),
                refused.size(),
                peaks.liveThreads(),
                threadsBefore,
                peaks.httpThreads(),
                heapAfterGc >> 20,
                heapMax >> 20,
                p99[0].toMillis(),
                PROBE_P99_CEILING.toMillis(),
                recovered.toMillis() / 1000.0);
    }

    /** What request {@code i} of the open loop is: a mix of every kind the server bounds. */
    private enum LoadKind {
        WRITE,
        WAIT,
        BULK,
        SETTLE,
        CAUGHT_UP_READ,
        STATEMENT,
        TRIAL_BALANCE,
        READ;

        static LoadKind of(long i) {
            return switch ((int) (i % 10)) {
                case 0, 1, 2 -> WRITE;
                case 3 -> WAIT;
                case 4 -> BULK;
                case 5 -> SETTLE;
                case 6 -> CAUGHT_UP_READ;
                case 7 -> STATEMENT;
                case 8 -> TRIAL_BALANCE;
                default -> READ;
            };
        }

        /** The eventIds request {@code i} appends when it is acknowledged. */
        List<String> eventIds(long i) {
            return switch (this) {
                case WRITE, WAIT -> List.of("ol-" + i);
                case BULK -> {
                    List<String> ids = new ArrayList<>();
                    for (int k = 0; k < BULK_LINES; k++) {
                        ids.add("olb-" + i + "-" + k);
                    }
                    yield ids;
                }
                default -> List.of();
            };
        }
    }

    private static HttpRequest loadRequest(long i, LocalDate day) {
        LoadKind kind = LoadKind.of(i);
        String wallet = "wl-" + (i % LOAD_WALLETS);
        String path = switch (kind) {
            case WRITE, WAIT -> "/v1/wallets/" + wallet + "/top-ups";
            case BULK -> "/v1/events";
            case SETTLE -> "/v1/settlements/" + day + "/settle";
            case CAUGHT_UP_READ -> "/v1/settlements/" + day + "?caughtUp=true";
            case STATEMENT -> "/v1/accounts/" + LedgerClient.encode("wallet:" + wallet) + "/entries?limit=1000";
            case TRIAL_BALANCE -> "/v1/trial-balance";
            case READ -> "/v1/wallets/" + wallet;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(ledger.httpUrl().resolve(path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + ledger.adminKey().secret());
        switch (kind) {
            case WRITE, WAIT -> {
                request.header("Content-Type", "application/json")
                        .header("Idempotency-Key", "ol-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}"));
                if (kind == LoadKind.WAIT) {
                    request.header("Prefer", "wait=2");
                }
            }
            case BULK -> {
                StringBuilder body = new StringBuilder();
                for (String id : kind.eventIds(i)) {
                    body.append("{\"type\":\"WalletToppedUp\",\"eventId\":\"")
                            .append(id)
                            .append("\",\"walletId\":\"")
                            .append(wallet)
                            .append("\",\"amount\":1}\n");
                }
                request.header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            case SETTLE -> request.POST(HttpRequest.BodyPublishers.noBody());
            default -> request.GET();
        }
        return request.build();
    }

    /** The p99 of {@value #PROBES} reads of one wallet sent at 25 a second; a read not answered 200 counts as endless. */
    /** A GET of {@code path} as the admin, given up after {@code timeout}. */
    private static HttpRequest adminGet(String path, Duration timeout) {
        return HttpRequest.newBuilder(ledger.httpUrl().resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + ledger.adminKey().secret())
                .GET()
                .build();
    }

    private static Duration probeP99(HttpClient http) throws InterruptedException {
        List<CompletableFuture<Long>> took = new ArrayList<>();
        OpenLoop.run(25, PROBES, i -> {
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                    adminGet("/v1/wallets/wl-0", Duration.ofSeconds(10)),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            synchronized (took) {
                took.add(answer.handle(
                        (r, e) -> e == null && r.statusCode() == 200 ? System.nanoTime() - start : Long.MAX_VALUE));
            }
            return answer;
        });
        List<Long> nanos = new ArrayList<>();
        synchronized (took) {
            for (CompletableFuture<Long> one : took) {
                nanos.add(one.join());
            }
        }
        nanos.sort(Long::compare);
        long p99 = nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1);
        return p99 == Long.MAX_VALUE ? Duration.ofDays(1) : Duration.ofNanos(p99);
    }

    private static void assertOneEventAndOneOutcomeEach(
            List<String> acknowledged, Map<String, Integer> inLog, Map<String, Integer> outcomes) {
        for (String id : acknowledged) {
            assertThat(inLog.get(id))
                    .as("records of " + id + " in ledger.events")
                    .isEqualTo(1);
            assertThat(outcomes.get(id)).as("outcomes of " + id).isEqualTo(1);
        }
    }

    /** How many records of each eventId a topic holds (ledger.events: decoded by hand; ledger.outcomes: its key). */
    private static Map<String, Integer> countByEventId(String topic, boolean events, int atLeast) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                WholeTopic.readCommitted(ledger.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = WholeTopic.assignFromStart(consumer, topic);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            int total = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(events ? FuzzIT.eventIdOf(record.value()) : record.key(), 1, Integer::sum);
                    total++;
                }
                boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (atEnd && total >= atLeast) {
                    break;
                }
                if (atEnd) {
                    // Outcomes still being decided: read on to the new ends.
                    ends.putAll(consumer.endOffsets(partitions));
                }
            }
        }
        return counts;
    }
}
