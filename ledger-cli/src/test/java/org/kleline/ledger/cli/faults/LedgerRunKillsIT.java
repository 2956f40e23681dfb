package org.kleline.ledger.cli.faults;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.discovery.RunAddresses;
import org.kleline.ledger.cli.run.LedgerClient;
import org.kleline.ledger.embedded.ports.LoopbackPorts;

/**
 * {@code ledger run} killed with SIGKILL at points of a seeded schedule while single and bulk writes flow:
 * in the middle of appends, of a bulk body, of a settlement, and during the restore of a start after an
 * earlier kill; started again on the same data directory each time. Then {@link CampaignAudit}. Each
 * restart is timed. The build runs {@value #KILLS_DEFAULT} kills (each point once) of a fixed seed;
 * {@code -Dledger.faults.run-kills=N} runs more, {@code -Dledger.faults.seed=S} replays a seed; the
 * Maven profile {@code faults-long} runs 20.
 */
class LedgerRunKillsIT {

    static final int KILLS_DEFAULT = 4;
    static final Duration READY_MAX = Duration.ofMinutes(5);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** What {@code ledger run} prints last once it is ready. */
    static final String READY_LINE = "Press Ctrl-C to stop.";

    /** Where in its work the process is when it is killed. */
    enum KillPoint {
        APPEND,
        BULK,
        SETTLE,
        RESTORE
    }

    @TempDir
    static Path dir;

    private static LedgerJarProcess run;
    private static int port;
    private static Path logs;

    @AfterAll
    static void stop() throws InterruptedException {
        if (run != null) {
            run.stop();
        }
    }

    @Test
    void noAcknowledgedWriteIsLostOrAppendedTwiceWhenLedgerRunIsKilledAtRandomPoints() throws Exception {
        RecoveryTimes times = RecoveryTimes.seeded("LedgerRunKillsIT");
        int kills = Integer.getInteger("ledger.faults.run-kills", KILLS_DEFAULT);
        Workload workload = Workload.seeded("r", times.seed());
        port = LoopbackPorts.chooseFree(1)[0];
        long began = System.nanoTime();
        logs = times.logs();
        run = launch();
        awaitReady(run);
        times.record("ledger run first start -> ready", began);
        LedgerClient client = new LedgerClient(
                URI.create("http://127.0.0.1:" + port),
                Files.readString(data().resolve("admin.key")).strip());
        workload.open(client);
        int first = workload.draw(KillPoint.values().length);
        try (WriteFlow flow = WriteFlow.start(workload, client)) {
            for (int kill = 0; kill < kills; kill++) {
                KillPoint point = KillPoint.values()[(first + kill) % KillPoint.values().length];
                killAt(point, workload, client);
                long restarted = System.nanoTime();
                run = launch();
                awaitReady(run);
                times.record(
                        "ledger run kill " + point.name().toLowerCase(Locale.ROOT) + " -> restarted and ready",
                        restarted);
            }
        }
        RunAddresses addresses = RunAddresses.readFrom(data());
        CampaignAudit.assertSound(
                workload,
                addresses.bootstrapServers(),
                addresses.schemaRegistryUrl(),
                client,
                () -> LedgerJarProcess.start(
                                "verify",
                                "512m",
                                times.logs().resolve("verify.log"),
                                List.of("verify", "--data-dir", data().toString()))
                        .awaitExit(Duration.ofMinutes(10)),
                times);
    }

    private static void killAt(KillPoint point, Workload workload, LedgerClient client) throws InterruptedException {
        switch (point) {
            case APPEND -> {
                long ms = 200 + workload.draw(1500);
                FaultMoment.after(ms);
                System.out.println("LedgerRunKillsIT: kill -9 amid the appends, " + ms + " ms in");
                run.kill();
            }
            case BULK -> {
                Workload.Request bulk = workload.bulk(ClusterFaultsIT.MID_BULK_LINES);
                CompletableFuture<Workload.Sent> inFlight =
                        CompletableFuture.supplyAsync(() -> workload.send(client, bulk, false));
                long ms = 20 + workload.draw(300);
                FaultMoment.after(ms);
                System.out.println("LedgerRunKillsIT: kill -9 " + ms + " ms into a bulk body of "
                        + bulk.eventIds().size() + " events");
                run.kill();
                System.out.println("LedgerRunKillsIT: the bulk body was answered "
                        + inFlight.join().status());
            }
            case SETTLE -> {
                String today = LocalDate.now(PARIS).toString();
                CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.post("/v1/settlements/" + today + "/settle", "")
                                .status();
                    } catch (UncheckedIOException e) {
                        return 0;
                    }
                });
                long ms = 5 + workload.draw(200);
                FaultMoment.after(ms);
                System.out.println("LedgerRunKillsIT: kill -9 " + ms + " ms into settling " + today);
                run.kill();
                System.out.println("LedgerRunKillsIT: the settlement was answered " + inFlight.join());
            }
            case RESTORE -> {
                FaultMoment.after(200 + workload.draw(1000));
                run.kill();
                run = launch();
                long ms = 1000 + workload.draw(8000);
                FaultMoment.after(ms);
                System.out.println("LedgerRunKillsIT: kill -9 " + ms + " ms into the start after a kill ("
                        + (run.printed(READY_LINE) ? "already ready" : "still starting") + ")");
                run.kill();
            }
        }
    }

    private static LedgerJarProcess launch() {
        return LedgerJarProcess.start(
                "ledger-run",
                "640m",
                logs.resolve("ledger-run.log"),
                List.of("run", "--data-dir", data().toString(), "--port", Integer.toString(port)));
    }

    private static void awaitReady(LedgerJarProcess process) throws InterruptedException {
        process.awaitLine(READY_LINE, READY_MAX);
    }

    private static Path data() {
        return dir.resolve("data");
    }
}
