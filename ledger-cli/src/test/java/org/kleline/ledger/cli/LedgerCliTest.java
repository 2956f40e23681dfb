package org.kleline.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.cli.CommandRun.ledger;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import picocli.CommandLine;

/** The command line as a user meets it: usage errors exit 2, run-time failures 1 with one line on stderr. */
class LedgerCliTest {

    /** A Kafka and a registry the commands below never reach: they fail before. */
    private static final String[] KAFKA = {
        "--bootstrap-servers", "localhost:9092", "--schema-registry-url", "http://localhost:8081"
    };

    /** Command lines refused before anything runs: what each is, its arguments (", " between), what stderr names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", quoteCharacter = '"', textBlock = """
            an unknown option | run, --bogus | Unknown option: '--bogus' | Usage: ledger run
            no command |  | Missing command: run, node, ingest, simulate, load, settle, verify, report or sql | Usage: ledger
            a port that is no number | run, --port, eighty | --port | eighty
            zero partitions | run, --partitions, 0 | --partitions must be 1..10000, got 0 |
            an unknown settlement zone | run, --settlement-zone, Mars/Olympus | --settlement-zone | Mars/Olympus
            a retention under an hour | run, --history-retention, PT30M, --port, 0 | --history-retention | at least one hour, got PT30M
            a retention not a duration | run, --history-retention, 13 months, --port, 0 | --history-retention | 13 months
            a certificate without key | run, --tls-cert, server.crt.pem, --port, 0 | --tls-cert and --tls-key go together: give both |
            a key store not readable | run, --tls-keystore, no-such-store.p12, --port, 0 | --tls-keystore | no-such-store.p12
            a negative demo year | run, --demo-year, -1, --port, 0 | --demo-year: transactions must be 0..100000000, was -1 |
            node without Kafka | node, --schema-registry-url, http://localhost:8081 | --bootstrap-servers is required | Usage: ledger node
            ingest without registry | ingest, --bootstrap-servers, localhost:9092 | --schema-registry-url is required |
            """)
    void aUsageErrorExitsTwoNamingWhatIsWrong(String what, String args, String stderrNames, String stderrNamesToo) {
        CommandRun result = ledger(args == null ? new String[0] : args.split(", "));
        if (stderrNamesToo == null) {
            result.assertUsageError(stderrNames);
        } else {
            result.assertUsageError(stderrNames, stderrNamesToo);
        }
    }

    @Test
    void theHandMadeDemoAndTheDemoYearAreOneOrTheOther() {
        ledger("run", "--demo", "--demo-year", "3000", "--port", "0")
                .assertUsageError("--demo loads a hand-made day and --demo-year a simulated year: give one of them");
    }

    @Test
    void aClientSettingWithoutEqualsSignIsAUsageError() {
        ledger(
                        "ingest",
                        "--bootstrap-servers",
                        "localhost:9092",
                        "--schema-registry-url",
                        "http://localhost:8081",
                        "-X",
                        "security.protocol")
                .assertUsageError("-X takes key=value, got 'security.protocol'");
    }

    @Test
    void aDataDirectoryThatIsAFileFailsWithOneLineAndExitCode1(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        CommandRun result = ledger("run", "--data-dir", file.toString(), "--port", "0");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("ledger run: data directory " + file + " is not a directory (--data-dir)");
    }

    @Test
    void aPortInUseFailsWithOneLineAndExitCode1(@TempDir Path tmp) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CommandRun result =
                    ledger("run", "--data-dir", tmp.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().lines()).hasSize(1);
            assertThat(result.err()).startsWith("ledger run: port " + taken.getLocalPort() + " is already in use");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"node", "ingest"})
    void aRoleOnAPortInUseFailsWithOneLineBeforeReachingKafka(String command) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CommandRun result =
                    ledger(command, KAFKA[0], KAFKA[1], KAFKA[2], KAFKA[3], "--port", "" + taken.getLocalPort());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
            assertThat(result.err().lines()).hasSize(1);
            assertThat(result.err())
                    .startsWith("ledger " + command + ": port " + taken.getLocalPort() + " is already in use");
        }
    }

    /** The port is held from the start of a command: a command line refused after that gives it back. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiterString = "|", textBlock = """
            node | --advertised-port | 70000
            ingest | --instance-id | not an id!
            """)
    void aCommandLineRefusedOnceThePortIsHeldGivesItBack(String command, String option, String value)
            throws IOException {
        int port;
        try (HttpPort free = HttpPort.reserve(0)) {
            port = free.number();
        }
        ledger(command, KAFKA[0], KAFKA[1], KAFKA[2], KAFKA[3], "--port", "" + port, option, value)
                .assertUsageError(option);
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(port));
            assertThat(again.getLocalPort()).isEqualTo(port);
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
            CommandRun result = ledger(command, "--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: ledger " + command);
        }
        assertThat(ledger("run", "--help").out()).contains("admin import is enabled");
    }
}
