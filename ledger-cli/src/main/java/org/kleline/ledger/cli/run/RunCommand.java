package org.kleline.ledger.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.demo.DemoLoader;
import org.kleline.ledger.cli.demo.DemoYear;
import org.kleline.ledger.cli.discovery.RunAddresses;
import org.kleline.ledger.cli.ingest.ImportWindowOption;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import org.kleline.ledger.cli.keys.TlsOptions;
import org.kleline.ledger.cli.lifecycle.HttpLimitsOptions;
import org.kleline.ledger.cli.lifecycle.ShutdownHook;
import org.kleline.ledger.cli.node.HistoryRetentionOption;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.simulator.config.SimulationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger run}: the whole ledger on this machine, in one process, until Ctrl-C. */
@Command(
        name = "run",
        sortOptions = false,
        description = {
            "Run the whole ledger in this process: an embedded Kafka broker and schema registry, the "
                    + "projector, the query API and ingest, on one HTTP port. Nothing to install but a JDK.",
            "Everything is kept under --data-dir: stop with Ctrl-C and start again on the same directory, and "
                    + "every balance is still there.",
            "This is the administrator's own machine: the HTTP API listens on 127.0.0.1 only (--bind), and the "
                    + "admin import is enabled (NDJSON lines of POST /v1/events may carry their own occurredAt).",
            "Every /v1 call needs an API key (Authorization: Bearer <key>). The first start of a data directory "
                    + "makes an admin key, prints it once and writes it to DIR/admin.key (owner only).",
            "Plain HTTP unless --tls-cert with --tls-key (or --tls-keystore) is given: then HTTPS only, and the "
                    + "demo, the addresses file and the commands beside it (ledger verify --data-dir DIR --tls-ca PEM) "
                    + "follow.",
            ""
        })
public final class RunCommand implements Callable<Integer> {

    /** What a client is told to trust when the run serves a key store alone. */
    static final String TRUSTED_CA_UNKNOWN = "<the CA of the certificate, PEM>";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            defaultValue = "data",
            paramLabel = "DIR",
            description = "Where the broker's logs and the projector's state live (default ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--port",
            defaultValue = "" + RunSettings.DEFAULT_PORT,
            paramLabel = "PORT",
            description = "The HTTP API's port, writes and reads (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--partitions",
            defaultValue = "" + RunSettings.DEFAULT_PARTITIONS,
            paramLabel = "N",
            description =
                    "Partitions of the ledger topics, when this data directory is new (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--settlement-zone",
            defaultValue = "Europe/Paris",
            paramLabel = "ZONE",
            description = "The time zone of business dates (default ${DEFAULT-VALUE}).")
    ZoneId settlementZone;

    @Mixin
    HistoryRetentionOption history;

    @Mixin
    ImportWindowOption importWindow;

    @Option(
            names = "--bind",
            defaultValue = RunSettings.DEFAULT_BIND,
            paramLabel = "ADDRESS",
            description = "The interface the HTTP API listens on (default ${DEFAULT-VALUE}: this machine only; "
                    + "0.0.0.0 for every interface, then give --allowed-host for the names clients use).")
    String bind;

    @Option(
            names = "--allowed-host",
            paramLabel = "HOST:PORT",
            split = ",",
            description = "A Host header answered besides localhost, 127.0.0.1 and [::1] with the port "
                    + "(repeatable, or comma-separated); any other is refused with 421, so a web page cannot reach the API by "
                    + "re-pointing its own name at this machine (DNS rebinding).")
    List<String> allowedHosts = new ArrayList<>();

    @Mixin
    HttpLimitsOptions httpLimits;

    @Mixin
    TlsOptions tls;

    @Option(
            names = "--demo",
            description = "On the first start of this data directory, load a small demo through the API "
                    + "(merchants, wallets, micropayments, card payments, a settled day) and print a few figures.")
    boolean demo;

    @Option(
            names = "--demo-year",
            paramLabel = "TRANSACTIONS",
            description = "On the first start of this data directory, simulate Kleline's 1999 with this many "
                    + "transactions and append it through the API (as `ledger simulate` does), then print the "
                    + "commands that settle, verify and report it.")
    Long demoYear;

    @Override
    public Integer call() throws InterruptedException {
        RunSettings settings;
        try {
            if (demo && demoYear != null) {
                throw new IllegalArgumentException(
                        "--demo loads a hand-made day and --demo-year a simulated year: " + "give one of them");
            }
            if (demoYear != null) {
                try {
                    SimulationConfig.defaults().withTransactions(demoYear);
                } catch (InvalidFieldException e) {
                    throw new IllegalArgumentException("--demo-year: " + e.getMessage(), e);
                }
            }
            settings = new RunSettings(dataDir, port, partitions, settlementZone, history.retention())
                    .withBind(bind, allowedHosts)
                    .withIngest(IngestConfig.defaults().withImportWindow(importWindow.window()))
                    .withHttpLimits(httpLimits.limits())
                    .withTls(tls.serverTls(), tls.caFile());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        EmbeddedLogging.quietRoutineNetworkWarnings();
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Starting Kleline Ledger (data in " + dataDir.toAbsolutePath().normalize() + ")...");
        out.flush();
        LedgerRun run = LedgerRun.start(settings);
        ShutdownHook hook = ShutdownHook.install(run.services(), out);
        String trustedCa = tls.trustedByClients().map(Path::toString).orElse(TRUSTED_CA_UNKNOWN);
        printAddresses(out, run, trustedCa);
        if (demo) {
            DemoLoader.loadOnce(run.dataDir(), run.adminApi(), out);
            out.println("Try: export LEDGER_API_KEY=$(cat " + run.dataDir().resolve(AdminKeyFile.NAME) + ")");
            out.println("     curl -s " + (run.scheme().equals("https") ? "--cacert " + trustedCa + " " : "")
                    + "-H \"Authorization: Bearer $LEDGER_API_KEY\" " + run.scheme() + "://localhost:" + run.port()
                    + "/v1/accounts/wallet:w-alice/balances");
        }
        if (demoYear != null) {
            DemoYear.loadOnce(
                    run.dataDir(),
                    run.adminApi(),
                    trustedCa,
                    demoYear,
                    out,
                    ProgressLine.onStderr(spec.commandLine().getErr()));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return run.untilStopped(hook);
    }

    /** The start-up lines: where the API, Kafka, the registry, the addresses file and the admin key are. */
    static void printAddresses(PrintWriter out, LedgerRun run, String trustedCa) {
        out.printf(
                Locale.ROOT,
                "Kleline Ledger is running (ready in %.1f s).%n",
                run.startupTime().toMillis() / 1000.0);
        out.printf("  HTTP API         %s://localhost:%d%n", run.scheme(), run.port());
        if (run.scheme().equals("https")) {
            out.printf("                   (HTTPS only; clients trust it with --tls-ca %s)%n", trustedCa);
        }
        out.printf(
                "  Kafka            %s   (bootstrap servers: read ledger.journal, ledger.settlements)%n",
                run.bootstrapServers());
        out.printf("  Schema registry  %s%n", run.schemaRegistryUrl());
        out.printf(
                "  Addresses file   %s   (while it runs: ledger verify --data-dir %s%s)%n",
                run.dataDir().resolve(RunAddresses.FILE_NAME),
                run.dataDir(),
                run.scheme().equals("https") ? " --tls-ca " + trustedCa : "");
        AdminKeyFile.AdminKey admin = run.adminKey();
        Path keyFile = run.dataDir().resolve(AdminKeyFile.NAME);
        if (admin.madeNow()) {
            out.printf("  Admin API key    %s%n", admin.secret());
            out.printf(
                    "                   (shown this once; kept in %s, readable by you only:%n"
                            + "                    export LEDGER_API_KEY=$(cat %s))%n",
                    keyFile, keyFile);
        } else {
            out.printf(
                    "  Admin API key    in %s (key %s)%s%n",
                    keyFile,
                    admin.keyId(),
                    admin.problem()
                            .map(p -> ": NOT USABLE, " + p + "; delete the file and restart to make a new one")
                            .orElse(""));
        }
        out.flush();
    }
}
