package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The end-to-end speed of {@code ledger run}, each round on a fresh data directory and a fresh child
 * JVM started from the shaded jar:
 * <ol>
 *   <li>reads: {@code GET /v1/accounts/{id}/balances} beside {@code GET /health}, closed loop on a few
 *       connections for the same time, then both at a fixed 2,000 requests/s (open loop);</li>
 *   <li>writes: single micropayments with {@code Prefer: wait=5} at a fixed 500 requests/s (open loop,
 *       latency from the intended send time);</li>
 *   <li>ingest: bulk NDJSON through {@code POST /v1/events} beside plain producers on the same broker
 *       sending the same envelopes with ingest's producer settings;</li>
 *   <li>rss (rounds of their own): the peak RSS ({@code VmHWM}) of {@code ledger run} once
 *       {@code ledger simulate} has appended about a million events and the projector decided them.</li>
 * </ol>
 * <pre>
 * java -Xmx1g -cp bench/target/benchmarks.jar org.kleline.ledger.bench.endtoend.EndToEndBench \
 *     [rounds=3] [reads,writes,ingest,rss]
 * </pre>
 * Properties: {@code bench.ledger.jar} (ledger-cli/target/ledger.jar), {@code bench.ledger.jvm} (the
 * launcher's options), {@code bench.seconds} (20), {@code bench.connections} (4),
 * {@code bench.client} (urlconnection, or jdk: the client of the closed loops),
 * {@code bench.ingest.transactions} (150000), {@code bench.rss.transactions} (500000), {@code bench.logs}
 * (bench/target/e2e-logs: the children's output).
 */
public final class EndToEndBench {

    static final int WALLETS = 1_000;
    static final int MERCHANTS = 10;
    static final int READ_RATE = 2_000;
    static final int WRITE_RATE = 500;
    static final int WARM_UP_SECONDS = 5;
    static final int BULK_CONNECTIONS = 4;
    /** Enough blocking senders for the rate times the latency: about 1 ms per read, up to 0.5 s per write. */
    static final int READ_THREADS = 32;

    static final int WRITE_THREADS = 400;
    static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);
    static final Set<String> ALL_SCENARIOS = Set.of("reads", "writes", "ingest", "rss");

    private final Path ledgerJar = Path.of(System.getProperty("bench.ledger.jar", "ledger-cli/target/ledger.jar"));
    private final List<String> ledgerJvm = Arrays.asList(
            System.getProperty("bench.ledger.jvm", "-Xms64m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
                    .trim()
                    .split("\\s+"));
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int connections = Integer.getInteger("bench.connections", 4);
    private final long ingestTransactions = Long.getLong("bench.ingest.transactions", 150_000);
    private final long rssTransactions = Long.getLong("bench.rss.transactions", 500_000);
    private final Path logs =
            Path.of(System.getProperty("bench.logs", "bench/target/e2e-logs")).toAbsolutePath();
    private final Figures figures = new Figures();
    private final JdkHttp jdkHttp = new JdkHttp();
    private final BlockingHttp blockingHttp =
            "jdk".equals(System.getProperty("bench.client", "urlconnection")) ? jdkHttp : new UrlConnectionHttp();

    private EndToEndBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Set<String> scenarios = Set.of((args.length > 1 ? args[1] : "reads,writes,ingest,rss").split(","));
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("scenarios must be among " + ALL_SCENARIOS + ", were " + scenarios);
        }
        new EndToEndBench().run(rounds, scenarios);
    }

    private void run(int rounds, Set<String> scenarios) throws Exception {
        Files.createDirectories(logs);
        System.out.printf(
                "ledger run: %s %s; closed loops on %d connections of %s;" + " logs in %s%n",
                String.join(" ", ledgerJvm), ledgerJar, connections, blockingHttp.name(), logs);
        SimulatedBodies bodies = null;
        if (scenarios.contains("ingest")) {
            long t0 = System.nanoTime();
            bodies = SimulatedBodies.of(ingestTransactions, 1L);
            System.out.printf(
                    "ingest workload: %,d transactions, %,d events in %,d bodies (made in %.1f s)%n",
                    ingestTransactions, bodies.lines(), bodies.requests().size(), (System.nanoTime() - t0) / 1e9);
        }
        for (int round = 1; round <= rounds; round++) {
            if (scenarios.contains("reads") || scenarios.contains("writes") || scenarios.contains("ingest")) {
                httpRound(round, scenarios, bodies);
            }
            if (scenarios.contains("rss")) {
                rssRound(round);
            }
        }
        System.out.println();
        System.out.println("Medians of " + rounds + " rounds (the range in brackets):");
        figures.printMedians();
    }

    private void httpRound(int round, Set<String> scenarios, SimulatedBodies bodies) throws Exception {
        System.out.printf(
                "%n== round %d: %s ==%n",
                round,
                String.join(
                        ", ",
                        scenarios.stream()
                                .filter(x -> !x.equals("rss"))
                                .sorted()
                                .toList()));
        try (ScratchDirectory dir = ScratchDirectory.create("ledger-e2e-bench");
                LedgerProcess ledger = startLedger(dir, "e2e-round-" + round + ".log")) {
            URI api = ledger.addresses().http();
            HttpClient client = jdkHttp.client();
            BenchAccounts accounts = new BenchAccounts(
                    WALLETS, MERCHANTS, "r" + round, ledger.addresses().apiKey());
            AdminHttp admin = new AdminHttp(client, api, ledger.addresses().apiKey());
            new BulkHttpIngest(admin)
                    .post(new org.kleline.ledger.simulator.bulk.BulkRequest(
                            accounts.setupNdjson(), accounts.setupEvents(), false));
            new DecidedBarrier(admin).await(SETUP_TIMEOUT);
            if (scenarios.contains("reads")) {
                reads(api, accounts);
            }
            if (scenarios.contains("writes")) {
                writes(api, accounts);
            }
            if (scenarios.contains("ingest")) {
                ingest(round, client, api, ledger, bodies);
            }
        }
    }

    private void reads(URI api, BenchAccounts accounts) throws InterruptedException {
        ClosedLoopLoad closed = new ClosedLoopLoad(blockingHttp);
        closed.run(connections, WARM_UP_SECONDS, i -> BenchAccounts.health(api), EndToEndBench::ok);
        closed.run(connections, WARM_UP_SECONDS, i -> accounts.balance(api, i), EndToEndBench::balanceOk);
        LoadResult health = closed.run(connections, seconds, i -> BenchAccounts.health(api), EndToEndBench::ok);
        report("GET /health, closed loop", health);
        // /health probes every read store's partitions; a 404 of an unknown path is the HTTP stack alone.
        report(
                "GET unknown path (404), closed loop",
                closed.run(connections, seconds, i -> BenchAccounts.unknownPath(api), a -> a.status() == 404));
        LoadResult balances = closed.run(connections, seconds, i -> accounts.balance(api, i), EndToEndBench::balanceOk);
        report("GET balances, closed loop", balances);
        figures.add(
                "balances / health, closed-loop rate",
                balances.requestsPerSecond() / health.requestsPerSecond(),
                "%.2f");
        for (OpenLoopLoad open : openLoops(READ_THREADS)) {
            report(
                    "GET balances at 2,000/s, " + open.name(),
                    open.run(READ_RATE, seconds, i -> accounts.balance(api, i), EndToEndBench::balanceOk));
        }
    }

    private void writes(URI api, BenchAccounts accounts) throws InterruptedException {
        for (OpenLoopLoad open : openLoops(WRITE_THREADS)) {
            String phase = open instanceof AsyncOpenLoopLoad ? "async" : "threads";
            open.run(
                    WRITE_RATE,
                    WARM_UP_SECONDS,
                    i -> accounts.micropayment(api, phase + "-warm", i),
                    EndToEndBench::accepted);
            report(
                    "POST micropayment wait=5 at 500/s, " + open.name(),
                    open.run(WRITE_RATE, seconds, i -> accounts.micropayment(api, phase, i), EndToEndBench::accepted));
        }
    }

    /** Both clients, so the figures say whether the client kept the rate. */
    private List<OpenLoopLoad> openLoops(int threads) {
        return List.of(new ThreadedOpenLoopLoad(blockingHttp, threads), new AsyncOpenLoopLoad(jdkHttp.client()));
    }

    /** The three appends in an order that turns with the round: each meets the projector's backlog as often. */
    private void ingest(int round, HttpClient client, URI api, LedgerProcess ledger, SimulatedBodies bodies)
            throws InterruptedException {
        RawProducerIngest raw = new RawProducerIngest(
                ledger.addresses().bootstrapServers(), ledger.addresses().schemaRegistryUrl());
        // Warm both JVMs' paths (JIT, connections, producers' metadata and schema ids) on the first bodies.
        List<List<org.kleline.ledger.ingest.append.KeyedEvent>> firstEvents =
                bodies.events().subList(0, 3);
        BulkHttpIngest bulk =
                new BulkHttpIngest(new AdminHttp(client, api, ledger.addresses().apiKey()));
        bulk.send(bodies.requests().subList(0, 3), BULK_CONNECTIONS);
        raw.idempotentLoop(firstEvents);
        raw.transactionPerBody(firstEvents, 2, "bench-raw-warm-r" + round);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
            int which = (k + round - 1) % 3;
            Duration took;
            String name;
            if (which == 0) {
                name = "bulk POST /v1/events";
                took = bulk.send(bodies.requests(), BULK_CONNECTIONS);
            } else if (which == 1) {
                name = "raw producer, idempotent loop";
                took = raw.idempotentLoop(bodies.events());
            } else {
                name = "raw producer, transaction per body";
                took = raw.transactionPerBody(bodies.events(), 2, "bench-raw-r" + round);
            }
            double rate = bodies.lines() / (took.toNanos() / 1e9);
            double load = LoadAverage.oneMinute();
            rates.put(name, rate);
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %,d events in %.1f s = %,.0f events/s  load %.1f%n",
                    name,
                    bodies.lines(),
                    took.toNanos() / 1e9,
                    rate,
                    load);
            figures.add(name + ", events/s", rate, "%,.0f");
            figures.add(name + ", load average", load, "%.1f");
        }
        figures.add(
                "bulk / raw idempotent loop",
                rates.get("bulk POST /v1/events") / rates.get("raw producer, idempotent loop"),
                "%.2f");
        figures.add(
                "bulk / raw transaction per body",
                rates.get("bulk POST /v1/events") / rates.get("raw producer, transaction per body"),
                "%.2f");
    }

    /** {@code ledger run} of the jar under test, its data in {@code dir}, its output in the log {@code logName}. */
    private LedgerProcess startLedger(ScratchDirectory dir, String logName) throws IOException {
        return LedgerProcess.start(ledgerJar, ledgerJvm, dir.path().resolve("data"), logs.resolve(logName));
    }

    private void rssRound(int round) throws Exception {
        System.out.printf("%n== round %d: peak RSS after %,d simulated transactions ==%n", round, rssTransactions);
        try (ScratchDirectory dir = ScratchDirectory.create("ledger-rss-bench");
                LedgerProcess ledger = startLedger(dir, "rss-round-" + round + ".log")) {
            long startNs = System.nanoTime();
            long appended = SimulateProcess.run(
                    ledgerJar,
                    ledger.addresses().http(),
                    ledger.addresses().apiKey(),
                    rssTransactions,
                    logs.resolve("rss-simulate-" + round + ".log"));
            double appendSeconds = (System.nanoTime() - startNs) / 1e9;
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            new DecidedBarrier(new AdminHttp(
                            client,
                            ledger.addresses().http(),
                            ledger.addresses().apiKey()))
                    .await(Duration.ofMinutes(40));
            double decidedSeconds = (System.nanoTime() - startNs) / 1e9;
            long hwmKb = ledger.statusKb("VmHWM");
            long rssKb = ledger.statusKb("VmRSS");
            double load = LoadAverage.oneMinute();
            System.out.printf(
                    Locale.ROOT,
                    "appended %,d events in %.1f s, every one decided after %.1f s (%,.0f events/s);"
                            + " VmHWM %,d MiB, VmRSS %,d MiB; load %.1f%n",
                    appended,
                    appendSeconds,
                    decidedSeconds,
                    appended / decidedSeconds,
                    hwmKb / 1024,
                    rssKb / 1024,
                    load);
            figures.add("rss: events appended", appended, "%,.0f");
            figures.add("rss: peak RSS (VmHWM), MiB", hwmKb / 1024.0, "%,.0f");
            figures.add("rss: RSS at the end, MiB", rssKb / 1024.0, "%,.0f");
            figures.add("rss: appended then decided, events/s", appended / decidedSeconds, "%,.0f");
            figures.add("rss: load average", load, "%.1f");
        }
    }

    private void report(String name, LoadResult result) {
        System.out.println(result.line(name));
        figures.add(name + ", req/s", result.requestsPerSecond(), "%,.0f");
        figures.add(name + ", p50 ms", result.p50Ms(), "%.2f");
        figures.add(name + ", p99 ms", result.p99Ms(), "%.2f");
        figures.add(name + ", failures", result.failures(), "%,.0f");
        figures.add(name + ", load average", result.loadAverage(), "%.1f");
    }

    private static boolean ok(Answer answer) {
        return answer.status() == 200;
    }

    private static boolean balanceOk(Answer answer) {
        return answer.status() == 200 && answer.body().contains("\"currency\":\"EUR\"");
    }

    /** Decided within the wait: a 200 with the outcome (a 202 means the 5 s passed first). */
    private static boolean accepted(Answer answer) {
        return answer.status() == 200 && answer.body().contains("\"outcome\":\"ACCEPTED\"");
    }

    /** Every figure of every round by name, for the medians. */
    static final class Figures {
        private final Map<String, List<Double>> values = new LinkedHashMap<>();
        private final Map<String, String> formats = new LinkedHashMap<>();

        void add(String name, double value, String format) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            formats.put(name, format);
        }

        void printMedians() {
            values.forEach((name, list) -> {
                String f = formats.get(name);
                System.out.printf(
                        Locale.ROOT,
                        "%-56s " + f + "  [" + f + " .. " + f + "]%n",
                        name,
                        Median.of(list),
                        list.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        list.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            });
        }
    }
}
