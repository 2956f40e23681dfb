package org.kleline.ledger.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.cli.simulate.SimulatedYear;
import org.kleline.ledger.simulator.config.SimulationConfig;

/**
 * {@code ledger run --demo-year N}: on the first start of a data directory, Kleline's 1999 with N
 * transactions, simulated and appended through the API as {@code ledger simulate} does, then the
 * commands to settle, verify and report it. A marker file keeps later starts from loading it again.
 */
public final class DemoYear {

    public static final String MARKER = "demo-year-loaded";

    private DemoYear() {}

    /**
     * Loads the year through {@code api} (the admin's client) unless the marker says it was; returns whether it
     * loaded it now. The commands it prints name {@code --tls-ca trustedCa} when the API is served over HTTPS.
     */
    public static boolean loadOnce(
            Path dataDir, LedgerApi api, String trustedCa, long transactions, PrintWriter out, ProgressLine progress) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            out.println("Demo year: already loaded in this data directory (" + marker + "); not loading it again.");
            out.flush();
            return false;
        }
        SimulationConfig config = SimulationConfig.defaults().withTransactions(transactions);
        out.printf(
                Locale.ROOT,
                "%nDemo year (first start of this data directory only): Kleline's %d with %,d "
                        + "transactions, through POST /v1/events%n",
                config.year(),
                transactions);
        out.flush();
        try {
            SimulatedYear.Appended appended = SimulatedYear.append(config, api, progress);
            out.println("  " + appended.describe());
            Files.writeString(
                    marker, "demo year of " + transactions + " transactions loaded at " + Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("demo year: " + e.getMessage(), e);
        }
        String year = Integer.toString(config.year());
        URI url = api.base();
        String trust = url.getScheme().equals("https") ? " --tls-ca " + trustedCa : "";
        out.printf(
                "  The projector decides it in the background. Then, in another terminal:%n"
                        + "    export LEDGER_API_KEY=$(cat %s)%n"
                        + "    ledger settle --from %s-01-01 --to %s-12-31 --api-url %s%s%n"
                        + "    ledger verify --data-dir %s%s%n"
                        + "    ledger report --year %s --api-url %s%s%n",
                dataDir.resolve(org.kleline.ledger.cli.keys.AdminKeyFile.NAME),
                year,
                year,
                url,
                trust,
                dataDir,
                trust,
                year,
                url,
                trust);
        out.flush();
        return true;
    }
}
