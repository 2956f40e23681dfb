package org.kleline.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: usage errors exit 2, run-time failures 1 with one line on stderr. */
class LedgerCliTest {

    private record Result(int exitCode, String out, String err) {}

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        Result result = execute("run", "--bogus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--bogus'").contains("Usage: ledger run");
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = execute();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("Missing command: run, node, ingest, simulate, load, settle, verify, report or sql")
                .contains("Usage: ledger");
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        Result result = execute("run", "--port", "eighty");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--port").contains("eighty");
    }

    @Test
    void zeroPartitionsIsAUsageError() {
        Result result = execute("run", "--partitions", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--partitions must be 1..10000, got 0");
    }

    @Test
    void anUnknownSettlementZoneIsAUsageError() {
        Result result = execute("run", "--settlement-zone", "Mars/Olympus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--settlement-zone").contains("Mars/Olympus");
    }

    @Test
    void theHandMadeDemoAndTheDemoYearAreOneOrTheOther() {
        Result result = execute("run", "--demo", "--demo-year", "3000", "--port", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--demo loads a hand-made day and --demo-year a simulated year: give one " + "of them");
    }

    @Test
    void aHistoryRetentionUnderAnHourOrNotADurationIsAUsageError() {
        Result shortOne = execute("run", "--history-retention", "PT30M", "--port", "0");
        assertThat(shortOne.exitCode()).isEqualTo(2);
        assertThat(shortOne.err()).contains("--history-retention").contains("at least one hour, got PT30M");
        Result notADuration = execute("run", "--history-retention", "13 months", "--port", "0");
        assertThat(notADuration.exitCode()).isEqualTo(2);
        assertThat(notADuration.err()).contains("--history-retention").contains("13 months");
    }

    @Test
    void runTlsOptionsOnlyHalfGivenOrUnreadableAreAUsageError() {
        Result certificateAlone = execute("run", "--tls-cert", "server.crt.pem", "--port", "0");
        assertThat(certificateAlone.exitCode()).isEqualTo(2);
        assertThat(certificateAlone.err()).contains("--tls-cert and --tls-key go together: give both");
        Result missingStore = execute("run", "--tls-keystore", "no-such-store.p12", "--port", "0");
        assertThat(missingStore.exitCode()).isEqualTo(2);
        assertThat(missingStore.err()).contains("--tls-keystore").contains("no-such-store.p12");
    }

    @Test
    void aNegativeDemoYearIsAUsageError() {
        Result result = execute("run", "--demo-year", "-1", "--port", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--demo-year: transactions must be 0..100000000, was -1");
    }

    @Test
    void nodeWithoutBootstrapServersIsAUsageError() {
        Result result = execute("node", "--schema-registry-url", "http://localhost:8081");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--bootstrap-servers is required").contains("Usage: ledger node");
    }

    @Test
    void ingestWithoutSchemaRegistryIsAUsageError() {
        Result result = execute("ingest", "--bootstrap-servers", "localhost:9092");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--schema-registry-url is required");
    }

    @Test
    void aClientSettingWithoutEqualsSignIsAUsageError() {
        Result result = execute(
                "ingest",
                "--bootstrap-servers",
                "localhost:9092",
                "--schema-registry-url",
                "http://localhost:8081",
                "-X",
                "security.protocol");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("-X takes key=value, got 'security.protocol'");
    }

    @Test
    void aDataDirectoryThatIsAFileFailsWithOneLineAndExitCode1(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Result result = execute("run", "--data-dir", file.toString(), "--port", "0");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("ledger run: data directory " + file + " is not a directory (--data-dir)");
    }

    @Test
    void aPortInUseFailsWithOneLineAndExitCode1(@TempDir Path tmp) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result =
                    execute("run", "--data-dir", tmp.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().lines()).hasSize(1);
            assertThat(result.err()).startsWith("ledger run: port " + taken.getLocalPort() + " is already in use");
        }
    }

    /** Stands for a command that runs out of memory, with or without a code of its own for a failure to run. */
    @CommandLine.Command(name = "exhausted")
    static final class Exhausted implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anErrorIsAFailureWithOneLineAndTheCommandsOwnExitCode() {
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCli.commandLine();
        cli.addSubcommand(new CommandLine(new Exhausted()));
        CommandLine.Model.CommandSpec declaringTwo = CommandLine.Model.CommandSpec.forAnnotatedObject(new Exhausted())
                .name("exhausted-verify")
                .exitCodeOnExecutionException(2);
        cli.addSubcommand(new CommandLine(declaringTwo));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("exhausted")).isEqualTo(1);
        assertThat(cli.execute("exhausted-verify")).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly(
                        "ledger exhausted: java.lang.OutOfMemoryError: Java heap space",
                        "ledger exhausted-verify: java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void helpOfEachCommandExitsZero() {
        for (String command : new String[] {"run", "node", "ingest"}) {
            Result result = execute(command, "--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: ledger " + command);
        }
        assertThat(execute("run", "--help").out()).contains("admin import is enabled");
    }
}
