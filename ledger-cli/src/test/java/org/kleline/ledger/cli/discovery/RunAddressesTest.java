package org.kleline.ledger.cli.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file a {@code ledger run} leaves in its data directory for the commands beside it, and when it is not to be followed. */
class RunAddressesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dataDir;

    private static RunAddresses ofThisProcess() {
        return RunAddresses.ofThisProcess(
                "127.0.0.1:39092", "http://127.0.0.1:38081", URI.create("http://127.0.0.1:38080"), LONDON);
    }

    /** The same addresses, written by process {@code pid} that started at {@code started}. */
    private static RunAddresses ofProcess(long pid, Instant started) {
        return new RunAddresses(
                "127.0.0.1:39092",
                "http://127.0.0.1:38081",
                URI.create("http://127.0.0.1:38080"),
                LONDON,
                pid,
                Optional.of(started));
    }

    @Test
    void whatARunWritesIsReadBackWhole() throws IOException {
        RunAddresses written = ofThisProcess();

        RunAddresses.Written file = written.writeTo(dataDir);

        assertThat(file.file()).isEqualTo(dataDir.resolve("ledger-run.properties"));
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file.file()); // the temporary file was moved, not left
        }
        assertThat(Files.readAllLines(file.file()))
                .contains(
                        "bootstrap.servers=127.0.0.1\\:39092",
                        "schema.registry.url=http\\://127.0.0.1\\:38081",
                        "api.url=http\\://127.0.0.1\\:38080",
                        "settlement.zone=Europe/London",
                        "pid=" + ProcessHandle.current().pid());
        RunAddresses read = RunAddresses.readFrom(dataDir);
        assertThat(read).isEqualTo(written);
        assertThat(read.bootstrapServers()).isEqualTo("127.0.0.1:39092");
        assertThat(read.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:38080"));
        assertThat(read.settlementZone()).isEqualTo(LONDON);
    }

    @Test
    void aRunThatStopsRemovesItsFile() {
        RunAddresses.Written file = ofThisProcess().writeTo(dataDir);

        file.close();

        assertThat(file.file()).doesNotExist();
        assertThatThrownBy(() -> RunAddresses.readFrom(dataDir))
                .isInstanceOf(RunNotFound.class)
                .hasMessage("no ledger run on " + dataDir + " (--data-dir): ledger-run.properties is missing; a "
                        + "`ledger run --data-dir " + dataDir + "` writes it once it is ready and removes it when it "
                        + "stops");
    }

    @Test
    void theFileOfARunThatIsNoLongerAliveIsStale() throws Exception {
        Process exited = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(exited.waitFor(30, TimeUnit.SECONDS)).isTrue();
        ofProcess(exited.pid(), Instant.now()).writeTo(dataDir);

        assertThatThrownBy(() -> RunAddresses.readFrom(dataDir))
                .isInstanceOf(RunNotFound.class)
                .hasMessageStartingWith(dataDir.resolve("ledger-run.properties") + " is stale: the ledger run that "
                        + "wrote it (pid " + exited.pid() + ", started ")
                .hasMessageEndingWith(") is no longer running, so its addresses lead nowhere; start `ledger run "
                        + "--data-dir " + dataDir + "` again, or give the addresses");
    }

    @Test
    void aPidNowHeldByAProcessStartedLaterIsNotTheRunThatWroteTheFile() {
        Instant thisProcessStarted =
                ProcessHandle.current().info().startInstant().orElseThrow();
        RunAddresses reused = ofProcess(ProcessHandle.current().pid(), thisProcessStarted.minus(Duration.ofHours(1)));
        RunAddresses jittered = ofProcess(ProcessHandle.current().pid(), thisProcessStarted.minusSeconds(1));

        assertThat(reused.writerAlive()).isFalse();
        assertThat(jittered.writerAlive()).isTrue();
        reused.writeTo(dataDir);
        assertThatThrownBy(() -> RunAddresses.readFrom(dataDir))
                .isInstanceOf(RunNotFound.class)
                .hasMessageContaining(" is stale: ");
    }

    @Test
    void aFileWithoutAnAddressIsNotARunsFile() throws IOException {
        Files.writeString(dataDir.resolve("ledger-run.properties"), "bootstrap.servers=127.0.0.1:39092\npid=1\n");

        assertThatThrownBy(() -> RunAddresses.readFrom(dataDir))
                .isInstanceOf(RunNotFound.class)
                .hasMessage(dataDir.resolve("ledger-run.properties") + " is not the file of a ledger run "
                        + "(--data-dir): schema.registry.url is missing");
    }
}
