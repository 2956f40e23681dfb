package org.kleline.ledger.cli.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.run.LedgerClient;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.topics.EventPartitions;
import org.kleline.ledger.model.topics.Topics;

/**
 * The fault campaign on a cluster of processes ({@link LoopbackCluster}: three brokers, two nodes, an
 * ingest), driven by a seed, while single and bulk writes flow through ingest. Each round: SIGKILL the
 * broker leading a partition of {@code ledger.events} and start it again; SIGKILL a node (its partitions
 * move to the other) and start it again; SIGKILL ingest in the middle of a bulk body and start it again.
 * Then {@link CampaignAudit}: no acknowledged event lost, none appended twice, {@code ledger verify}
 * clean, trial balance 0. Each recovery is timed ({@link RecoveryTimes}).
 *
 * <p>The build runs {@value #ROUNDS_DEFAULT} round of a fixed seed; {@code -Dledger.faults.rounds=N} runs more,
 * {@code -Dledger.faults.seed=S} replays a seed ({@code random}: a fresh one, printed). The Maven profile
 * {@code faults-long} runs the whole campaign.
 */
class ClusterFaultsIT {

    static final int ROUNDS_DEFAULT = 1;
    static final Duration RECOVERY_MAX = Duration.ofMinutes(4);
    /** A body large enough that a kill a few hundred milliseconds after sending it lands inside its transaction. */
    static final int MID_BULK_LINES = 3_000;

    private static final String BROKER_KILLED_WRITES = "broker leader kill -> write to its partition accepted";
    private static final String BROKER_BACK = "broker restart -> every replica in sync";
    private static final String NODE_KILLED_READS = "node kill -> every read answered by the other";
    private static final String NODE_BACK = "node restart -> ready";
    private static final String INGEST_BACK = "ingest kill mid-bulk -> restarted and ready";
    private static final String INGEST_DECIDING = "ingest kill mid-bulk -> a new write decided";

    @TempDir
    static Path dir;

    private static LoopbackCluster cluster;

    @AfterAll
    static void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void noAcknowledgedWriteIsLostOrAppendedTwiceWhenBrokersNodesAndIngestAreKilled() throws Exception {
        RecoveryTimes times = RecoveryTimes.seeded("ClusterFaultsIT");
        int rounds = Integer.getInteger("ledger.faults.rounds", ROUNDS_DEFAULT);
        Workload workload = Workload.seeded("c", times.seed());
        cluster = LoopbackCluster.start(dir, times.logs());
        LedgerClient writes = new LedgerClient(cluster.ingestUrl(), cluster.adminKey());
        workload.open(writes);
        try (WriteFlow flow = WriteFlow.start(workload, writes)) {
            for (int round = 1; round <= rounds; round++) {
                System.out.println("ClusterFaultsIT: round " + round + " of " + rounds);
                killTheLeaderOfAPartition(workload, writes, times);
                killANode(workload, times);
                killIngestMidBulk(workload, writes, times);
            }
        }
        CampaignAudit.assertSound(
                workload,
                cluster.bootstrapServers(),
                cluster.schemaRegistryUrl(),
                new LedgerClient(cluster.nodeUrl(0), cluster.adminKey()),
                cluster::verify,
                times);
    }

    /** SIGKILL the leader of a partition drawn from the seed; time until a write to that partition is acknowledged. */
    private static void killTheLeaderOfAPartition(Workload workload, LedgerClient writes, RecoveryTimes times)
            throws InterruptedException {
        int partition = workload.draw(LoopbackCluster.PARTITIONS);
        Map<Integer, Integer> leaders = cluster.leaders(Topics.EVENTS);
        int leader = leaders.get(partition);
        System.out.println("ClusterFaultsIT: kill -9 broker " + leader + ", leader of " + Topics.EVENTS + "-"
                + partition + " (leaders " + leaders + ")");
        long killed = System.nanoTime();
        cluster.killBroker(leader);
        int[] probe = {0};
        await().atMost(RECOVERY_MAX)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> workload.send(writes, openingOnPartition(workload, partition, probe), false)
                        .acknowledged());
        times.record(BROKER_KILLED_WRITES, killed);
        long restarted = System.nanoTime();
        cluster.startBroker(leader);
        await().atMost(RECOVERY_MAX).pollInterval(Duration.ofMillis(500)).until(cluster::eventsFullyReplicated);
        times.record(BROKER_BACK, restarted);
    }

    /** SIGKILL a node drawn from the seed; time until the other answers every read; start it again. */
    private static void killANode(Workload workload, RecoveryTimes times) throws InterruptedException {
        int killedNode = workload.draw(LoopbackCluster.NODES);
        int survivor = 1 - killedNode;
        LedgerClient reads = new LedgerClient(cluster.nodeUrl(survivor), cluster.adminKey());
        System.out.println("ClusterFaultsIT: kill -9 node-" + (killedNode + 1));
        long killed = System.nanoTime();
        cluster.killNode(killedNode);
        await().atMost(RECOVERY_MAX)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> everyReadAnswers(workload, reads));
        times.record(NODE_KILLED_READS, killed);
        long restarted = System.nanoTime();
        cluster.startNode(killedNode);
        times.record(NODE_BACK, restarted);
    }

    /** SIGKILL ingest a seeded moment after a large bulk body was sent; start it again on the same instance id. */
    private static void killIngestMidBulk(Workload workload, LedgerClient writes, RecoveryTimes times)
            throws Exception {
        Workload.Request bulk = workload.bulk(MID_BULK_LINES);
        CompletableFuture<Workload.Sent> inFlight =
                CompletableFuture.supplyAsync(() -> workload.send(writes, bulk, false));
        long delayMs = 20 + workload.draw(300);
        FaultMoment.after(delayMs);
        System.out.println("ClusterFaultsIT: kill -9 ingest " + delayMs + " ms into a bulk body of "
                + bulk.eventIds().size() + " events");
        long killed = System.nanoTime();
        cluster.killIngest();
        cluster.startIngest();
        times.record(INGEST_BACK, killed);
        System.out.println("ClusterFaultsIT: the bulk body cut by the kill was answered "
                + inFlight.join().status());
        LedgerClient reads = new LedgerClient(cluster.nodeUrl(0), cluster.adminKey());
        await().atMost(RECOVERY_MAX)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    Workload.Sent probe = workload.send(writes, workload.single(), true);
                    return probe.acknowledged()
                            && reads.get("/v1/events/"
                                                    + probe.request().eventIds().get(0))
                                            .status()
                                    == 200;
                });
        times.record(INGEST_DECIDING, killed);
    }

    private static boolean everyReadAnswers(Workload workload, LedgerClient reads) {
        for (int w = 0; w < Workload.WALLETS; w++) {
            if (reads.get("/v1/accounts/" + AggregateType.WALLET.prefix() + "%3A" + workload.wallet(w) + "/balances")
                            .status()
                    != 200) {
                return false;
            }
        }
        return reads.get("/v1/trial-balance").status() == 200;
    }

    /** A new wallet whose key falls on {@code partition}: a write that needs that partition's leader. */
    private static Workload.Request openingOnPartition(Workload workload, int partition, int[] counter) {
        while (true) {
            String walletId = workload.wallet(0) + "-probe-" + partition + "-" + counter[0]++;
            String key = AggregateType.WALLET.prefix() + ":" + walletId;
            if (EventPartitions.partitionOf(key, LoopbackCluster.PARTITIONS) == partition) {
                return new Workload.Request(
                        "probe",
                        "/v1/wallets",
                        "application/json",
                        "{\"walletId\":\"" + walletId + "\",\"currency\":\"EUR\"}",
                        walletId,
                        List.of(walletId));
            }
        }
    }
}
