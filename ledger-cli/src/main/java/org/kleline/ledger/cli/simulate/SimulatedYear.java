package org.kleline.ledger.cli.simulate;

import java.io.IOException;
import java.util.Locale;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.run.Simulation;
import org.kleline.ledger.simulator.summary.SimulationSummary;

/** A simulated year appended through the bulk API: what {@code ledger simulate} and {@code ledger run --demo-year} do. */
public final class SimulatedYear {

    /**
     * What was sent and how it was answered.
     *
     * @param summary       what the year held
     * @param linesAppended lines the API accepted
     * @param linesRefused  lines broken on purpose, refused as expected
     * @param requests      bulk requests sent
     * @param elapsedNanos  from the first request to the last answer
     */
    public record Appended(
            SimulationSummary summary, long linesAppended, long linesRefused, long requests, long elapsedNanos) {

        /** One line: {@code Appended 6,565 lines in 5 requests in 1.8 s (3,504 events/s); 2 lines ...}. */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "Appended %,d lines in %,d requests in %s (%,d events/s); %,d lines "
                            + "broken on purpose were refused as expected (400).",
                    linesAppended,
                    requests,
                    Elapsed.seconds(elapsedNanos),
                    ProgressLine.perSecond(summary.lines(), elapsedNanos),
                    linesRefused);
        }
    }

    private SimulatedYear() {}

    public static Appended append(SimulationConfig config, LedgerApi api, ProgressLine progressLine)
            throws IOException {
        BulkPoster poster = new BulkPoster(api, RetryWhenBusy.standard());
        SimulationProgress progress = new SimulationProgress(progressLine, "sending " + config.year());
        SimulationSummary summary = Simulation.sendBulk(config, BulkLimits.api(), poster, progress);
        long elapsed = progress.elapsedNanos();
        progress.clear();
        return new Appended(summary, poster.linesAccepted(), poster.linesRefused(), poster.requests(), elapsed);
    }
}
