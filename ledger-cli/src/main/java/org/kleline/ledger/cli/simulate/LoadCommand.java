package org.kleline.ledger.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.LedgerApiOptions;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger load FILE}: a file of NDJSON events, such as {@code simulate --out} writes, through the bulk API. */
@Command(
        name = "load",
        sortOptions = false,
        description = {
            "Send a file of NDJSON events (one a line, as `ledger simulate --out` writes them) through the "
                    + "bulk API (POST /v1/events), in file order, in requests of at most 10,000 lines and 1 MiB.",
            "Lines a simulation breaks on purpose are sent alone and their 400 expected; a 400 for any other "
                    + "line stops the load, naming the line. Loading a file again appends nothing twice "
                    + "(its events are DUPLICATE).",
            ""
        })
public final class LoadCommand implements Callable<Integer> {

    private static final int BAR_WIDTH = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The NDJSON file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        LedgerApi api = apiOptions.connect();
        return loadFile(spec.commandLine(), file, api);
    }

    /** Loads {@code file} and prints what it held; a file that cannot be read is a usage error. */
    static int loadFile(CommandLine command, Path file, LedgerApi api) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(command, "FILE " + file + " is not a readable file");
        }
        PrintWriter out = command.getOut();
        out.printf("Loading %s into %s%s%n", file, api.base(), BulkPoster.PATH);
        out.flush();
        ProgressLine progress = ProgressLine.onStderr(command.getErr());
        long started = System.nanoTime();
        BulkPoster poster = new BulkPoster(api, RetryWhenBusy.standard());
        NdjsonFileLoad.Listener listener = (bytes, total, lines) -> progress.update(String.format(
                Locale.ROOT,
                "loading %s %3d%%  %,d lines  %,d events/s",
                ProgressLine.bar(bytes, total, BAR_WIDTH),
                ProgressLine.percent(bytes, total),
                lines,
                ProgressLine.perSecond(lines, System.nanoTime() - started)));
        NdjsonFileLoad.Summary summary = NdjsonFileLoad.load(file, poster, BulkLimits.api(), listener);
        long elapsed = System.nanoTime() - started;
        progress.clear();
        out.printf(
                Locale.ROOT,
                "Appended %,d lines in %,d requests in %s (%,d events/s); %,d lines broken on purpose "
                        + "were refused as expected (400)%s; %,d blank lines skipped.%n",
                summary.linesAppended(),
                summary.requests(),
                Elapsed.seconds(elapsed),
                ProgressLine.perSecond(summary.lines(), elapsed),
                summary.refused(),
                summary.refusedByDefect().isEmpty() ? "" : " " + summary.refusedByDefect(),
                summary.blankLines());
        out.flush();
        return 0;
    }
}
