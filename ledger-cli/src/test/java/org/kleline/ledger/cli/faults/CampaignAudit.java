package org.kleline.ledger.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.cli.run.LedgerClient;

/**
 * The checks after a fault campaign, once the writes stopped and the faults healed: every event of a
 * request answered 2xx appended exactly once with exactly one outcome, no event id appended twice
 * (payouts included), no event of the campaign decided twice, the trial balance 0 in every currency,
 * and {@code ledger verify} finding no difference.
 */
final class CampaignAudit {

    static final Duration DECIDED_WITHIN = Duration.ofMinutes(5);

    /** {@code ledger verify} run against the campaign's ledger, however it runs (in this JVM or as a process). */
    @FunctionalInterface
    interface Verify {
        int exitCode() throws InterruptedException;
    }

    private CampaignAudit() {}

    /** Runs every check; publishes the figures with the recovery times first, so a failure still reports them. */
    static void assertSound(
            Workload workload,
            String bootstrapServers,
            String schemaRegistryUrl,
            LedgerClient reads,
            Verify verify,
            RecoveryTimes times) {
        // Everything appended gets decided: the projector caught up with the whole log.
        await().atMost(DECIDED_WITHIN)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> LogTally.read(bootstrapServers, schemaRegistryUrl)
                        .undecided()
                        .isEmpty());
        LogTally tally = LogTally.read(bootstrapServers, schemaRegistryUrl);
        List<Workload.Sent> sent = workload.sent();
        Set<String> acknowledged = workload.acknowledgedIds();
        List<String> lost = tally.withoutExactlyOneOutcome(acknowledged);
        Map<String, Integer> twice = tally.appendedTwice();
        long decidedTwice = workload.sentIds().stream()
                .filter(id -> tally.decided().getOrDefault(id, 0) > 1
                        || tally.duplicates().getOrDefault(id, 0) > 0)
                .count();
        long unacknowledgedLanded = workload.sentIds().stream()
                .filter(id -> !acknowledged.contains(id) && tally.appended().containsKey(id))
                .count();
        Map<Integer, Long> byStatus = new TreeMap<>();
        sent.forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
        times.publish(String.format(
                "%d requests (by status, 0 for no answer: %s), %d events acknowledged, %d events not acknowledged but"
                        + " appended; acknowledged lost or not decided once: %d; ids appended twice: %d; decided twice: %d",
                sent.size(),
                byStatus,
                acknowledged.size(),
                unacknowledgedLanded,
                lost.size(),
                twice.size(),
                decidedTwice));

        assertThat(acknowledged).as("the campaign acknowledged some writes").isNotEmpty();
        assertThat(lost)
                .as("acknowledged events without exactly one append and one outcome")
                .isEmpty();
        assertThat(twice).as("event ids appended twice").isEmpty();
        assertThat(decidedTwice)
                .as("events of the campaign decided twice or marked DUPLICATE")
                .isZero();
        await().atMost(DECIDED_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            LedgerClient.Answer trial = reads.get("/v1/trial-balance");
            assertThat(trial.status()).as(trial.body()).isEqualTo(200);
            assertThat(trial.json()).as("currencies of the trial balance").isNotEmpty();
            for (JsonNode currency : trial.json()) {
                assertThat(currency.get("total").asLong())
                        .as("trial balance of " + currency.get("currency"))
                        .isZero();
            }
        });
        assertThat(exitCodeOf(verify)).as("ledger verify's exit code").isZero();
    }

    private static int exitCodeOf(Verify verify) {
        try {
            return verify.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
