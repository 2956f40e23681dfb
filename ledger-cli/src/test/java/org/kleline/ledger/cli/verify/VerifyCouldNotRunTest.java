package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.kleline.ledger.cli.verify.CouldNotRun.assertCouldNotRun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.CommandRun;
import org.kleline.ledger.cli.discovery.RunAddresses;

/**
 * {@code ledger verify} as a script meets it when it cannot run: exit code 2 (never 1, which means
 * differences) and one line on stderr saying why, soon rather than never. No broker here: a "broker"
 * that accepts connections and answers nothing, a data directory without a run, a run's file left behind.
 */
class VerifyCouldNotRunTest {

    /** Never contacted: verify fails before it reads the registry or the API. */
    private static final String NOWHERE = "http://127.0.0.1:9";
    /** Verify's own bound on a silent Kafka, instead of the 30 s default. */
    private static final String SHORT_KAFKA_TIMEOUT = "default.api.timeout.ms=1000";

    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    /** Takes connections into its backlog and never answers: a broker that hangs. */
    private ServerSocket silentBroker;

    @BeforeEach
    void openSilentBroker() throws IOException {
        silentBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void closeSilentBroker() throws IOException {
        silentBroker.close();
    }

    private String silentBootstrap() {
        return "127.0.0.1:" + silentBroker.getLocalPort();
    }

    private static CommandRun verify(String... args) {
        return assertTimeoutPreemptively(SOON, () -> {
            String[] command = new String[args.length + 1];
            command[0] = "verify";
            System.arraycopy(args, 0, command, 1, args.length);
            return CommandRun.ledger(command);
        });
    }

    /** The file of a run that is alive (this process), its Kafka the silent broker. */
    private void writeLiveRunFile() {
        writeRunFile(
                silentBootstrap(),
                ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant());
    }

    private void writeRunFile(String bootstrap, long pid, Optional<Instant> started) {
        new RunAddresses(
                        bootstrap,
                        NOWHERE,
                        URI.create("http://127.0.0.1:18080"),
                        ZoneId.of("Europe/London"),
                        pid,
                        started)
                .writeTo(dataDir);
    }

    @Test
    void aBrokerThatDoesNotAnswerExitsTwoAfterTheTimeoutGiven() {
        CommandRun result = verify(
                "--bootstrap-servers",
                silentBootstrap(),
                "--schema-registry-url",
                NOWHERE,
                "--api-url",
                NOWHERE,
                "-X",
                SHORT_KAFKA_TIMEOUT);

        assertCouldNotRun(
                result,
                "Kafka at " + silentBootstrap() + " did not answer in 1000 ms (--bootstrap-servers, "
                        + "-X security settings, -X default.api.timeout.ms)");
        assertThat(result.out())
                .startsWith("Verifying Kleline Ledger: the log at " + silentBootstrap() + " against the query API at "
                        + NOWHERE)
                .doesNotContain("difference");
    }

    @Test
    void aDataDirectoryWithoutARunExitsTwo() {
        CommandRun result = verify("--data-dir", dataDir.toString());

        assertCouldNotRun(result, "no ledger run on " + dataDir + " (--data-dir): ledger-run.properties is missing");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theFileOfARunThatIsGoneExitsTwoAtOnceWithoutTryingItsAddresses() {
        writeRunFile(
                silentBootstrap(),
                ProcessHandle.current().pid(),
                Optional.of(ProcessHandle.current()
                        .info()
                        .startInstant()
                        .orElseThrow()
                        .minus(Duration.ofDays(1))));

        CommandRun result =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> verify("--data-dir", dataDir.toString()));

        assertCouldNotRun(result, dataDir.resolve("ledger-run.properties") + " is stale: the ledger run that wrote it");
        assertThat(result.err()).contains("is no longer running, so its addresses lead nowhere");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aLiveRunsFileGivesEveryAddressAndItsZone() {
        writeLiveRunFile();

        CommandRun result = verify("--data-dir", dataDir.toString(), "-X", SHORT_KAFKA_TIMEOUT);

        assertCouldNotRun(result, "Kafka at " + silentBootstrap() + " did not answer in 1000 ms");
        assertThat(result.out().lines())
                .startsWith(
                        "From the ledger run on " + dataDir + " (pid "
                                + ProcessHandle.current().pid() + "): bootstrap "
                                + "servers, schema registry URL, HTTP API URL, settlement zone Europe/London",
                        "Verifying Kleline Ledger: the log at " + silentBootstrap() + " against the query API at "
                                + "http://127.0.0.1:18080, ledger.journal and ledger.outcomes");
    }

    @Test
    void optionsGivenOverrideTheRunsFile() throws IOException {
        try (ServerSocket otherSilentBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            writeLiveRunFile();
            String given = "127.0.0.1:" + otherSilentBroker.getLocalPort();

            CommandRun result = verify(
                    "--data-dir",
                    dataDir.toString(),
                    "--bootstrap-servers",
                    given,
                    "--api-url",
                    NOWHERE,
                    "--settlement-zone",
                    "Europe/Paris",
                    "-X",
                    SHORT_KAFKA_TIMEOUT);

            assertCouldNotRun(result, "Kafka at " + given + " did not answer in 1000 ms");
            assertThat(result.out().lines())
                    .startsWith(
                            "From the ledger run on " + dataDir + " (pid "
                                    + ProcessHandle.current().pid() + "): schema " + "registry URL",
                            "Verifying Kleline Ledger: the log at " + given + " against the query API at " + NOWHERE
                                    + ", ledger.journal and ledger.outcomes");
        }
    }

    @Test
    void aKafkaTimeoutThatIsNoNumberIsAUsageErrorWithTheSameCode() {
        CommandRun result = verify(
                "--bootstrap-servers",
                silentBootstrap(),
                "--schema-registry-url",
                NOWHERE,
                "-X",
                "default.api.timeout.ms=soon");

        assertThat(result.exitCode()).isEqualTo(Verdict.COULD_NOT_RUN);
        assertThat(result.err())
                .contains("-X default.api.timeout.ms must be a positive number of milliseconds, got " + "'soon'")
                .contains("Usage: ledger verify");
    }
}
