package org.kleline.ledger.bench.projector;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.ProjectorMain;
import org.kleline.ledger.projector.TopicBootstrap;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.read.StoreNames;

/**
 * End-to-end throughput of the projector on the embedded broker, beside a baseline Streams app that
 * only sums an amount per key, at each commit interval; the projector's RSS; and the time to restore
 * its stores after the local state is deleted.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.kleline.ledger.bench.projector.ProjectorThroughput \
 *     [mixEvents=300000] [wallets=100000] [merchants=500] [commitIntervalsMs=100,1000]
 * </pre>
 * {@code -Dbench.<key>=<value>} passes a property to the applications. {@code -Dthroughput.apps=projector}
 * runs only the projector (no baseline, no restore), for measuring one change at a time. Each line
 * prints the child JVM's CPU time (user + system, from {@code /proc/<pid>/stat}) per event and the
 * load average at the end of the run. The broker runs in this JVM; each application runs in a JVM of its
 * own (-Xmx1g), so its RSS is its own.
 *
 * <p>{@code -Dthroughput.restore=kill} ends the projector's JVM with SIGKILL once it has processed
 * everything, instead of stopping it cleanly, and the restore then starts on the state the crash left
 * (nothing deleted): what a node goes through after {@code kill -9}. Under exactly-once Streams wipes
 * that state and restores it from the changelogs; with
 * {@code -Dbench.enable.transactional.statestores=true} (Kafka Streams 4.4, KIP-892) it keeps it.
 */
public final class ProjectorThroughput {

    static final int PARTITIONS = 6;
    static final Duration RUN_DEADLINE = Duration.ofMinutes(20);
    /** {@code throughput.restore=kill}: the projector is killed (SIGKILL) after its run, and restarts on what it left. */
    static final boolean RESTORE_AFTER_KILL = "kill".equals(System.getProperty("throughput.restore", "delete"));

    private ProjectorThroughput() {}

    public static void main(String[] args) throws Exception {
        int mixEvents = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int wallets = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int merchants = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String[] intervals = (args.length > 3 ? args[3] : "100,1000").split(",");
        Path work = Files.createTempDirectory("projector-bench");
        try (EmbeddedLedgerInfrastructure infra = EmbeddedLedgerInfrastructure.start(work.resolve("broker"))) {
            Properties base = new Properties();
            base.put(ProjectorSettings.BOOTSTRAP_SERVERS, infra.bootstrapServers());
            base.put(ProjectorSettings.SCHEMA_REGISTRY_URL, infra.schemaRegistryUrl());
            base.put(ProjectorSettings.PARTITIONS, Integer.toString(PARTITIONS));
            base.put(ProjectorSettings.REPLICATION, "1");
            // Streams members do not leave the group on close: keep the wait for a stopped one short.
            base.put("consumer.session.timeout.ms", "10000");
            base.put("consumer.heartbeat.interval.ms", "2000");
            // -Dbench.<key>=<value> passes <key> to the applications, e.g. -Dbench.ledger.rocksdb.memory.bytes=...
            System.getProperties().stringPropertyNames().stream()
                    .filter(k -> k.startsWith("bench."))
                    .forEach(k -> base.put(k.substring("bench.".length()), System.getProperty(k)));
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
                TopicBootstrap.ensureTopics(admin, ProjectorSettings.from(base));
                BenchWorkload workload = new BenchWorkload(wallets, merchants, mixEvents, 7L);
                long loadStart = System.nanoTime();
                long total = load(infra, workload);
                System.out.printf(
                        "loaded %d events (%d set-up, %d mix) in %d ms%n",
                        total, workload.setupEvents(), mixEvents, ms(loadStart));
                List<String> apps = List.of(System.getProperty("throughput.apps", "baseline,projector,restore")
                        .split(","));
                List<String> rows = new ArrayList<>();
                for (String interval : intervals) {
                    Properties p = new Properties();
                    p.putAll(base);
                    p.put("commit.interval.ms", interval.trim());
                    if (apps.contains("baseline")) {
                        rows.add(run(
                                admin,
                                work,
                                "baseline-" + interval.trim(),
                                BaselineSumApp.class.getName(),
                                p,
                                workload.setupEvents(),
                                total));
                    }
                    rows.add(run(
                            admin,
                            work,
                            "projector-" + interval.trim(),
                            ProjectorMain.class.getName(),
                            p,
                            workload.setupEvents(),
                            total));
                    if (apps.contains("restore")) {
                        rows.add(restore(work, "projector-" + interval.trim(), p));
                    }
                }
                System.out.println();
                rows.forEach(System.out::println);
            }
        }
    }

    private static long load(EmbeddedLedgerInfrastructure infra, BenchWorkload workload) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        c.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Topics topics = Topics.create(Map.of(ProjectorSettings.SCHEMA_REGISTRY_URL, infra.schemaRegistryUrl()));
        long[] count = {0};
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                c, new StringSerializer(), topics.events().valueSerde().serializer())) {
            // The set-up's end offsets, stamped into the mix's payments as ingest would (the cross-key rule):
            // every merchant onboarded in the set-up counts for them, whatever partition it is on.
            long[] setupEnds = new long[producer.partitionsFor(Topics.EVENTS).size()];
            java.util.function.Consumer<EventEnvelope> setupSend = e -> {
                producer.send(
                        new ProducerRecord<>(
                                Topics.EVENTS,
                                null,
                                e.getOccurredAt().toEpochMilli(),
                                AggregateKey.of(e).value(),
                                e),
                        (metadata, error) -> {
                            if (metadata != null) {
                                synchronized (setupEnds) {
                                    setupEnds[metadata.partition()] =
                                            Math.max(setupEnds[metadata.partition()], metadata.offset() + 1);
                                }
                            }
                        });
                count[0]++;
            };
            workload.setup(setupSend);
            producer.flush();
            List<Long> stamp;
            synchronized (setupEnds) {
                stamp = java.util.Arrays.stream(setupEnds).boxed().toList();
            }
            java.util.function.Consumer<EventEnvelope> mixSend = e -> {
                if (LogPosition.needsAppendedAfter(e)) {
                    e.setAppendedAfter(stamp);
                }
                producer.send(new ProducerRecord<>(
                        Topics.EVENTS,
                        null,
                        e.getOccurredAt().toEpochMilli(),
                        AggregateKey.of(e).value(),
                        e));
                count[0]++;
            };
            workload.mix(mixSend);
            producer.flush();
        }
        return count[0];
    }

    /** Runs one application in its own JVM until it has processed everything; one result line. */
    private static String run(
            Admin admin, Path work, String app, String mainClass, Properties props, long setup, long total)
            throws Exception {
        Properties p = new Properties();
        p.putAll(props);
        p.put(ProjectorSettings.APPLICATION_ID, app);
        p.put("state.dir", work.resolve("state-" + app).toString());
        Path config = work.resolve(app + ".properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            p.store(out, app);
        }
        Process child = child(mainClass, config, work.resolve(app + ".log"));
        long started = System.nanoTime();
        long setupDoneNs = 0;
        long firstCommitNs = 0;
        long firstCommitted = 0;
        long rssMaxKb = 0;
        long deadline = started + RUN_DEADLINE.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                rssMaxKb = Math.max(rssMaxKb, rssKb(child.pid()));
                Progress progress = progress(admin, app);
                if (firstCommitNs == 0 && progress.eventsCommitted > 0) {
                    firstCommitNs = System.nanoTime();
                    firstCommitted = progress.eventsCommitted;
                }
                if (setupDoneNs == 0 && progress.eventsCommitted >= setup) {
                    setupDoneNs = System.nanoTime();
                }
                if (progress.eventsCommitted >= total && progress.internalDone) {
                    long doneNs = System.nanoTime();
                    // Offsets move once a commit interval: rates are measured between commits seen, so
                    // each is exact to one commit interval.
                    double allSeconds = (doneNs - firstCommitNs) / 1e9;
                    double mixSeconds = (doneNs - setupDoneNs) / 1e9;
                    double cpuSeconds = cpuSeconds(child.pid());
                    return String.format(
                            "%-16s all %,d events after the first commit in %.1f s = %,.0f events/s;"
                                    + " mix %,d events in %.1f s = %,.0f events/s; RSS max %,d MiB;"
                                    + " CPU %.1f s for %,d events = %.1f us/event; load average %s",
                            app,
                            total - firstCommitted,
                            allSeconds,
                            (total - firstCommitted) / allSeconds,
                            total - setup,
                            mixSeconds,
                            mixSeconds > 0 ? (total - setup) / mixSeconds : Double.NaN,
                            rssMaxKb / 1024,
                            cpuSeconds,
                            total,
                            cpuSeconds * 1e6 / total,
                            loadAverage());
                }
                if (!child.isAlive()) {
                    return app + " died, see " + work.resolve(app + ".log");
                }
                child.waitFor(200, TimeUnit.MILLISECONDS);
            }
            return app + " did not finish within " + RUN_DEADLINE;
        } finally {
            if (RESTORE_AFTER_KILL) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Deletes the projector's local state (or, after a kill, leaves what the crash left) and times the restore
     * from its changelogs, in this JVM.
     */
    private static String restore(Path work, String app, Properties props) throws Exception {
        Path state = work.resolve("state-" + app);
        if (!RESTORE_AFTER_KILL) {
            deleteRecursively(state);
        }
        Properties p = new Properties();
        p.putAll(props);
        p.put(ProjectorSettings.APPLICATION_ID, app);
        p.put("state.dir", state.toString());
        long started = System.nanoTime();
        RestoreClock clock = new RestoreClock();
        try (Projector projector = new Projector(p)) {
            projector.setRestoreListener(clock);
            projector.start();
            long deadline = started + RUN_DEADLINE.toNanos();
            // Every store: the decide stage's, then the settlement stage's.
            List<String> stores = new ArrayList<>(StoreNames.DECIDE_STAGE);
            stores.add(StoreNames.SETTLEMENT_ROWS);
            stores.add(StoreNames.SETTLEMENT_ROWS_BY_DATE);
            while (System.nanoTime() < deadline) {
                try {
                    for (String store : stores) {
                        projector
                                .streams()
                                .store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
                                .approximateNumEntries();
                    }
                    return String.format(
                            "%-16s after %s: every store queryable after %.1f s"
                                    + " (joining the group included); restoring %,d records took %.1f s",
                            app,
                            RESTORE_AFTER_KILL ? "kill -9" : "deleting local state",
                            (System.nanoTime() - started) / 1e9,
                            clock.records.get(),
                            clock.seconds());
                } catch (RuntimeException notYetRestored) {
                    // A benchmark's poll: a store answers only once every partition of it is restored.
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            return app + " restore did not finish within " + RUN_DEADLINE;
        }
    }

    record Progress(long eventsCommitted, boolean internalDone) {}

    /** From the first store partition that starts restoring to the last that ends. */
    static final class RestoreClock implements org.apache.kafka.streams.processor.StateRestoreListener {
        final java.util.concurrent.atomic.AtomicLong firstStartNs = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong lastEndNs = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong records = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
            firstStartNs.compareAndSet(0, System.nanoTime());
        }

        @Override
        public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long restored) {
            records.addAndGet(restored);
        }

        @Override
        public void onRestoreEnd(TopicPartition tp, String store, long total) {
            lastEndNs.set(System.nanoTime());
        }

        double seconds() {
            return firstStartNs.get() == 0 ? 0 : (lastEndNs.get() - firstStartNs.get()) / 1e9;
        }
    }

    /**
     * How far an application got: committed offsets of ledger.events, and whether its other inputs
     * (repartition topics, ledger.outcomes) are committed up to their last stable offset, give or
     * take the final transaction marker.
     */
    private static Progress progress(Admin admin, String app) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        if (committed.isEmpty()) {
            return new Progress(0, false);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(30, TimeUnit.SECONDS);
        long events = 0;
        boolean internalDone = true;
        for (var e : committed.entrySet()) {
            long offset = e.getValue() == null ? 0 : e.getValue().offset();
            if (e.getKey().topic().equals(Topics.EVENTS)) {
                events += offset;
            } else if (offset < ends.get(e.getKey()).offset() - 1) {
                internalDone = false;
            }
        }
        return new Progress(events, internalDone);
    }

    private static Process child(String mainClass, Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseParallelGC"));
        String extra = System.getProperty("bench.child.jvm.args", "")
                .replace("{name}", log.getFileName().toString());
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, config.toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * User + system CPU of a process so far, in seconds: fields 14 and 15 of {@code /proc/<pid>/stat},
     * in clock ticks of 1/100 s (USER_HZ on Linux). Start-up and the merchant directory's read of the
     * log are included, so it is the whole cost of projecting the log once.
     */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long ms(long startNs) {
        return (System.nanoTime() - startNs) / 1_000_000;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
