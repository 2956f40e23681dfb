package org.kleline.ledger.cli.simulate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.LedgerApiOptions;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.run.Simulation;
import org.kleline.ledger.simulator.summary.SimulationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger simulate}: Kleline's 1999, generated from a seed, appended through the API or written to a file. */
@Command(
        name = "simulate",
        sortOptions = false,
        description = {
            "Generate a seeded, reproducible year of the Kleline business (by default 1999: 435,105 "
                    + "transactions, 500 merchant sites, 34 partners, K-Wallet from October) and append it through the "
                    + "bulk API (POST /v1/events) with each event's own occurredAt, or write it to a file of NDJSON.",
            "The server must have the admin import enabled (`ledger run` has; `ledger ingest --allow-import`). "
                    + "A few lines are broken on purpose and refused (400), as the summary counts.",
            ""
        })
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerApiOptions apiOptions;

    @Option(
            names = "--year",
            defaultValue = "" + SimulationConfig.DEFAULT_YEAR,
            paramLabel = "YEAR",
            description = "The calendar year simulated (default ${DEFAULT-VALUE}).")
    int year;

    @Option(
            names = "--transactions",
            defaultValue = "" + SimulationConfig.DEFAULT_TRANSACTIONS,
            paramLabel = "N",
            description = "Accepted captures and micropayments in the year, exactly (default ${DEFAULT-VALUE}).")
    long transactions;

    @Option(
            names = "--seed",
            defaultValue = "" + SimulationConfig.DEFAULT_SEED,
            paramLabel = "SEED",
            description = "The seed of every random choice: the same options give the same year (default "
                    + "${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the year to FILE as NDJSON instead of sending it (load it later with `ledger load`).")
    Path out;

    @Option(
            names = "--in",
            paramLabel = "FILE",
            description = "Send FILE, written by --out, instead of generating a year (the same as `ledger load FILE`).")
    Path in;

    @Override
    public Integer call() throws IOException {
        if (out != null && in != null) {
            throw usage("--out writes a file and --in sends one: give one of them, not both");
        }
        if (in != null) {
            List<String> generatorOptions = List.of("--year", "--transactions", "--seed").stream()
                    .filter(name -> spec.commandLine().getParseResult().hasMatchedOption(name))
                    .toList();
            if (!generatorOptions.isEmpty()) {
                throw usage("--in sends FILE as it is written; " + String.join(", ", generatorOptions)
                        + " apply only when generating");
            }
            return LoadCommand.loadFile(spec.commandLine(), in, apiOptions.connect());
        }
        SimulationConfig config = config();
        return out != null ? writeFile(config) : send(config);
    }

    private int writeFile(SimulationConfig config) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        SimulationProgress progress =
                new SimulationProgress(ProgressLine.onStderr(spec.commandLine().getErr()), "writing " + config.year());
        SimulationSummary summary;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            summary = Simulation.writeNdjson(config, file, progress);
        }
        long elapsed = progress.elapsedNanos();
        progress.clear();
        stdout.printf(
                Locale.ROOT,
                "Simulated %d (seed %d, %,d transactions) into %s in %s: %,d lines (%,d bytes), " + "%,d events/s%n",
                config.year(),
                config.seed(),
                config.transactions(),
                out,
                Elapsed.seconds(elapsed),
                summary.lines(),
                Files.size(out),
                ProgressLine.perSecond(summary.lines(), elapsed));
        stdout.print(summary.describe());
        stdout.printf("Send it with: ledger load %s --api-url %s%n", out, apiOptions.url());
        stdout.flush();
        return 0;
    }

    private int send(SimulationConfig config) throws IOException {
        LedgerApi api = apiOptions.connect();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "Simulating %d (seed %d, %,d transactions) into %s%s (admin import: each event "
                        + "keeps its occurredAt)%n",
                config.year(),
                config.seed(),
                config.transactions(),
                api.base(),
                BulkPoster.PATH);
        stdout.flush();
        SimulatedYear.Appended appended = SimulatedYear.append(
                config, api, ProgressLine.onStderr(spec.commandLine().getErr()));
        stdout.println(appended.describe());
        stdout.print(appended.summary().describe());
        stdout.println("The projector decides the events in the background: `ledger verify` waits for it, then "
                + "checks every figure.");
        stdout.flush();
        return 0;
    }

    private SimulationConfig config() {
        try {
            return SimulationConfig.defaults()
                    .withYear(year)
                    .withTransactions(transactions)
                    .withSeed(seed);
        } catch (InvalidFieldException e) {
            throw usage("--" + e.field() + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
