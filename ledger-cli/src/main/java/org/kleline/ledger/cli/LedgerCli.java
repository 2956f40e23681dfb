package org.kleline.ledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.cli.broker.BrokerCommand;
import org.kleline.ledger.cli.env.EnvironmentDefaults;
import org.kleline.ledger.cli.env.EnvironmentHelp;
import org.kleline.ledger.cli.ingest.IngestCommand;
import org.kleline.ledger.cli.lifecycle.FailureLine;
import org.kleline.ledger.cli.node.NodeCommand;
import org.kleline.ledger.cli.report.ReportCommand;
import org.kleline.ledger.cli.run.RunCommand;
import org.kleline.ledger.cli.settle.SettleCommand;
import org.kleline.ledger.cli.simulate.LoadCommand;
import org.kleline.ledger.cli.simulate.SimulateCommand;
import org.kleline.ledger.cli.sql.SqlCommand;
import org.kleline.ledger.cli.verify.VerifyCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ledger} command. Exit codes: 0 after a clean stop, 1 when the process failed at run time
 * (one line on stderr says why), 2 for a bad command line (picocli's usage message). A command whose 1
 * means something else declares its own code for a run-time failure ({@code exitCodeOnExecutionException}):
 * {@code verify} exits 1 for differences found, so a failure to run it is 2, like a bad command line.
 */
@Command(
        name = "ledger",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = LedgerVersion.class,
        subcommands = {
            RunCommand.class,
            NodeCommand.class,
            IngestCommand.class,
            SimulateCommand.class,
            LoadCommand.class,
            SettleCommand.class,
            VerifyCommand.class,
            ReportCommand.class,
            SqlCommand.class,
            BrokerCommand.class,
            CommandLine.HelpCommand.class
        },
        description = {
            "Kleline Ledger: an event-sourced payment ledger on Kafka.",
            "",
            "  ledger run --demo   all of it on this machine, with a demo (start here)",
            "  ledger node         projector and query API, on your Kafka",
            "  ledger ingest       the HTTP writes, on your Kafka",
            "",
            "Clients of a running ledger:",
            "  ledger simulate     Kleline's 1999, generated from a seed, through the bulk API",
            "  ledger load FILE    a file of NDJSON events (simulate --out) through the bulk API",
            "  ledger settle       pay merchants what a date (or a range of dates) owes them",
            "  ledger verify       audit every figure against the event log",
            "  ledger report       a month or a year per merchant and per partner",
            "  ledger sql QUERY    SQL over a period's settlement rows, merchants and balances (DuckDB)",
            ""
        },
        footer = {
            "",
            "Every option may also be given by an environment variable: LEDGER_ and its long name upper-cased,",
            "dashes to underscores (--data-dir is LEDGER_DATA_DIR); an option on the command line wins over it.",
            "`ledger COMMAND --help` tells more."
        })
public final class LedgerCli implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCli.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: run, node, ingest, simulate, load, settle, verify, report or sql");
    }

    public static void main(String[] args) {
        Optional<String> logFormat = LogFormat.problem(System::getProperty, System::getenv);
        if (logFormat.isPresent()) {
            System.err.println("ledger: " + logFormat.get());
            System.exit(2);
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with the project's exit codes and failure line, its options' defaults from this
     * process's environment ({@link EnvironmentDefaults}); tests call it with their own writers.
     */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** As {@link #commandLine()}, with {@code environment} in place of the process's (tests). */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new LedgerCli());
        // After the subcommands are added: both settings reach the whole hierarchy as it is now.
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
        cli.setHelpFactory(new EnvironmentHelp());
        cli.setExecutionStrategy(LedgerCli::executeCatchingErrors);
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            LOG.debug("{} failed", commandLine.getCommandName(), failure);
            PrintWriter err = commandLine.getErr();
            err.println("ledger " + commandLine.getCommandName() + ": " + FailureLine.of(failure));
            err.flush();
            return commandLine.getCommandSpec().exitCodeOnExecutionException();
        });
        return cli;
    }

    /**
     * Picocli hands only Exceptions to the handler: an Error (out of memory while verify holds the log
     * decided again) would leave {@code main} uncaught, with the JVM's exit code 1 and a stack trace. As an
     * execution failure of the command that ran, it gets that command's code and one line like any other.
     */
    private static int executeCatchingErrors(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error error) {
            List<CommandLine> commands = parseResult.asCommandLineList();
            throw new CommandLine.ExecutionException(commands.get(commands.size() - 1), error.toString(), error);
        }
    }
}
