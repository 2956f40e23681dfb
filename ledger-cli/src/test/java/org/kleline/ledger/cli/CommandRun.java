package org.kleline.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.kleline.ledger.cli.run.LedgerRun;
import picocli.CommandLine;

/** One {@code ledger} command line run in this JVM, as a user meets it: its exit code and what it wrote on stdout and stderr. */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code ledger args...} with this process's environment. */
    public static CommandRun ledger(String... args) {
        return ledger(System.getenv(), args);
    }

    /** Runs {@code ledger args...} with {@code environment} in place of this process's. */
    public static CommandRun ledger(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCli.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** Runs {@code ledger verify options...}, waiting up to 120 s for the views to catch up with the log. */
    public static CommandRun verifyWaiting(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "verify";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--wait";
        args[options.length + 2] = "120";
        return ledger(args);
    }

    /** Runs {@code ledger verify} against every address of {@code run}, as its admin, waiting up to 120 s. */
    public static CommandRun verify(LedgerRun run) {
        return verifyWaiting(
                "--bootstrap-servers",
                run.bootstrapServers(),
                "--schema-registry-url",
                run.schemaRegistryUrl(),
                "--api-url",
                run.httpUrl().toString(),
                "--api-key",
                run.adminKey().secret());
    }

    /** Asserts that {@code ledger} refused the command line before running it: exit code 2, each of {@code stderrNames} on stderr. */
    public void assertUsageError(String... stderrNames) {
        assertThat(exitCode).as(err).isEqualTo(2);
        for (String name : stderrNames) {
            assertThat(err).contains(name);
        }
    }
}
