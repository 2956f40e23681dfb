package org.kleline.ledger.cli.verify;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.kleline.ledger.cli.api.ApiCallerOptions;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.discovery.RunAddresses;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.kafka.ExternalKafkaOptions;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.model.serde.SchemaRegistryClient;
import org.kleline.ledger.model.serde.SchemaRegistryClients;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.config.ProjectorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledger verify}: an audit of every figure against the event log, trusting nothing the projector made.
 * Its exit code is a verdict a script can act on ({@link Verdict}): 0 no difference, 1 differences, 2 no
 * verdict (could not run).
 */
@Command(
        name = "verify",
        sortOptions = false,
        exitCodeOnExecutionException = Verdict.COULD_NOT_RUN,
        description = {
            "Audit the ledger without trusting the projector: read ledger.events from the beginning with a "
                    + "plain consumer (read_committed, up to the end offsets taken at start), work out every outcome, "
                    + "balance and settlement row again with ledger-model's rules, then compare them with the query API "
                    + "(the outcomes of a sample of the events, --outcome-sample; every account's balances, every "
                    + "settlement row, the trial balance), with ledger.journal (exactly one entry per ACCEPTED event, "
                    + "with its postings, each balanced) and with ledger.outcomes (every event's outcome, one per "
                    + "event; never two for an eventId).",
            "First waits (at most --wait) for the projector to decide every event read. Verify a quiet ledger: "
                    + "events appended while it runs make the views differ.",
            "Beside `ledger run`, --data-dir DIR finds the run's addresses (and its settlement zone) in "
                    + "DIR/ledger-run.properties; options given override them.",
            "Exit code 0: no difference. 1: differences found (the first 20 are named). 2: no verdict, verify "
                    + "could not run (a bad command line; Kafka, the schema registry or the HTTP API out of "
                    + "reach; a topic missing; figures the API could not give; any other failure: one line on "
                    + "stderr says why).",
            ""
        })
public final class VerifyCommand implements Callable<Integer> {

    static final Duration RECHECK_FOR = Duration.ofSeconds(30);
    static final ZoneId DEFAULT_SETTLEMENT_ZONE = ZoneId.of(ProjectorSettings.DEFAULT_SETTLEMENT_ZONE);

    @Spec
    CommandSpec spec;

    @Mixin
    ApiCallerOptions caller;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "The data directory of a running `ledger run`: its Kafka, schema registry and HTTP API "
                    + "addresses and its settlement zone are read from DIR/" + RunAddresses.FILE_NAME + "; the "
                    + "options below override them.")
    Path dataDir;

    @Mixin
    ExternalKafkaOptions kafka;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description = "The ledger's HTTP API, whose reads are checked (default " + LedgerApi.DEFAULT_URL
                    + ", or the run's with --data-dir).")
    URI apiUrl;

    @Option(
            names = "--settlement-zone",
            paramLabel = "ZONE",
            description = "The time zone of business dates, as the projector was given it (default "
                    + ProjectorSettings.DEFAULT_SETTLEMENT_ZONE + ", or the run's with --data-dir).")
    ZoneId settlementZone;

    @Option(
            names = "--wait",
            defaultValue = "600",
            paramLabel = "SECONDS",
            description = "How long to wait for the projector to decide every event read (default ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Option(
            names = "--http-concurrency",
            defaultValue = "8",
            paramLabel = "N",
            description = "Reads of the query API in flight at once (default ${DEFAULT-VALUE}).")
    int httpConcurrency;

    @Option(
            names = "--outcome-sample",
            defaultValue = "" + OutcomeSample.DEFAULT_SIZE,
            paramLabel = "N",
            description =
                    "Every outcome is compared on ledger.outcomes; through the query API's outcome view, an evenly "
                            + "spread sample of at most N events (default ${DEFAULT-VALUE}; a number above the event count "
                            + "reads every one back).")
    int outcomeSample;

    @Override
    public Integer call() {
        Optional<RunAddresses> run = Optional.ofNullable(dataDir).map(RunAddresses::readFrom);
        ClientProperties clients =
                kafka.clientProperties(run.map(VerifyCommand::discovered).orElse(Map.of()));
        URI api = apiUrl != null ? apiUrl : run.map(RunAddresses::apiUrl).orElse(URI.create(LedgerApi.DEFAULT_URL));
        ZoneId zone = settlementZone != null
                ? settlementZone
                : run.map(RunAddresses::settlementZone).orElse(DEFAULT_SETTLEMENT_ZONE);
        HttpQuerySide query;
        SchemaRegistryClient registry;
        try {
            if (waitSeconds < 0) {
                throw new IllegalArgumentException("--wait must be >= 0 seconds, was " + waitSeconds);
            }
            if (outcomeSample < 1) {
                throw new IllegalArgumentException("--outcome-sample must be at least 1, was " + outcomeSample);
            }
            LogReader.metadataTimeout(clients);
            query = new HttpQuerySide(
                    caller.connect(api, Optional.ofNullable(dataDir)), httpConcurrency, RetryWhenBusy.standard());
            registry = SchemaRegistryClients.create(clients.asClientMap());
        } catch (IllegalArgumentException | ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressLine progress = ProgressLine.onStderr(spec.commandLine().getErr());
        run.ifPresent(r -> out.println(fromRun(r, clients, api, zone)));
        out.printf(
                "Verifying Kleline Ledger: the log at %s against %s, ledger.journal and ledger.outcomes%n",
                clients.bootstrapServers(), query.describe());
        out.flush();
        return Verdict.report(audit(clients, registry, zone, query, out, progress), out);
    }

    /** Which of the settings came from the run's file, the others having been given. */
    private String fromRun(RunAddresses run, ClientProperties clients, URI api, ZoneId zone) {
        List<String> taken = new ArrayList<>();
        if (clients.bootstrapServers().equals(run.bootstrapServers())) {
            taken.add("bootstrap servers");
        }
        if (clients.schemaRegistryUrl().equals(run.schemaRegistryUrl())) {
            taken.add("schema registry URL");
        }
        if (api.equals(run.apiUrl())) {
            taken.add("HTTP API URL");
        }
        if (zone.equals(run.settlementZone())) {
            taken.add("settlement zone " + zone);
        }
        return "From the ledger run on " + dataDir + " (pid " + run.pid() + "): "
                + (taken.isEmpty() ? "nothing, every setting was given" : String.join(", ", taken));
    }

    /** What a run's file says of the client settings: the lowest layer, under every option given. */
    private static Map<String, String> discovered(RunAddresses run) {
        return Map.of(
                ClientProperties.BOOTSTRAP_SERVERS,
                run.bootstrapServers(),
                ClientProperties.SCHEMA_REGISTRY_URL,
                run.schemaRegistryUrl());
    }

    private Differences audit(
            ClientProperties clients,
            SchemaRegistryClient registry,
            ZoneId zone,
            QuerySide query,
            PrintWriter out,
            ProgressLine progress) {
        Topics topics = Topics.create(clients.asClientMap(), registry);
        Differences differences = new Differences();
        long started = System.nanoTime();
        Map<TopicPartition, Long> eventEnds;
        int partitions;
        Recomputation recomputed;
        try (LogReader events = LogReader.open(clients, Topics.EVENTS)) {
            eventEnds = events.endOffsets();
            partitions = events.partitionCount();
            recomputed = new Recomputation(new BusinessCalendar(zone), partitions);
            if (eventEnds.values().stream().anyMatch(end -> end > 0)) {
                SchemaRegistryCheck.requireKnows(registry, clients.schemaRegistryUrl(), Topics.EVENTS);
            }
            EventLogReplay.replay(
                    events,
                    eventEnds,
                    topics.events().valueSerde().deserializer(),
                    recomputed,
                    n -> progress.update(String.format(Locale.ROOT, "replaying ledger.events: %,d records", n)));
        }
        progress.clear();
        out.printf(
                Locale.ROOT,
                "Read %,d records of ledger.events (%d partitions, up to the end offsets taken at "
                        + "start) and decided them again in %s: %,d ACCEPTED, %,d REJECTED, %,d DUPLICATE%n",
                recomputed.events(),
                partitions,
                Elapsed.since(started),
                recomputed.outcomes(Outcome.ACCEPTED),
                recomputed.outcomes(Outcome.REJECTED),
                recomputed.outcomes(Outcome.DUPLICATE));
        if (!recomputed.unreadable().isEmpty()) {
            LoggedEvent firstBad = recomputed.unreadable().get(0);
            out.printf(
                    Locale.ROOT,
                    "  %,d records cannot be decided (the projector sends them to %s), the first at " + "%s: %s%n",
                    recomputed.unreadable().size(),
                    Topics.EVENTS_DLQ,
                    firstBad.where(),
                    firstBad.failure());
        }
        out.flush();

        long waitStarted = System.nanoTime();
        boolean caughtUp = ProjectorWait.await(query, recomputed, Duration.ofSeconds(waitSeconds), progress);
        progress.clear();
        out.printf(
                "%s (waited %s)%n",
                caughtUp
                        ? "The projector had decided every event read"
                        : "The projector had NOT decided every event read after --wait " + waitSeconds
                                + " s; comparing anyway",
                Elapsed.since(waitStarted));

        // The topic checks spend this process's CPU while the view checks mostly wait for the query API: at once.
        FutureTask<TopicAudits.Result> topicAudits =
                new FutureTask<>(new TopicAudits(clients, topics, eventEnds, recomputed));
        Thread topicThread = new Thread(topicAudits, "verify-topic-audits");
        topicThread.setDaemon(true);
        topicThread.start();
        try {
            auditViews(query, recomputed, differences, out, progress);
            progress.update("checking ledger.journal and ledger.outcomes (under way since the views' checks began)");
            TopicAudits.Result topicResult = result(topicAudits);
            progress.clear();
            topicResult.lines().forEach(out::println);
            differences.addAll(topicResult.differences());
        } finally {
            topicAudits.cancel(true);
        }
        out.printf("Verified in %s.%n", Elapsed.since(started));
        return differences;
    }

    private void auditViews(
            QuerySide query,
            Recomputation recomputed,
            Differences differences,
            PrintWriter out,
            ProgressLine progress) {
        ViewAudit views = new ViewAudit(query, recomputed, differences, RECHECK_FOR, outcomeSample);
        long checkStarted = System.nanoTime();
        int events = recomputed.eventIds().size();
        long outcomes = views.outcomes(n -> progress.update(String.format(
                Locale.ROOT, "checking outcomes: %,d of a sample of %,d events", n, Math.min(events, outcomeSample))));
        progress.clear();
        checkLine(
                out,
                ViewAudit.OUTCOMES,
                outcomes == events
                        ? String.format(Locale.ROOT, "%,d events", outcomes)
                        : String.format(Locale.ROOT, "%,d of %,d events", outcomes, events),
                "POST /v1/outcomes/lookup",
                differences,
                checkStarted);
        checkStarted = System.nanoTime();
        long accounts =
                views.balances(n -> progress.update(String.format(Locale.ROOT, "checking balances: %,d accounts", n)));
        progress.clear();
        checkLine(
                out,
                ViewAudit.BALANCES,
                String.format(Locale.ROOT, "%,d accounts (%,d balances)", accounts, recomputed.balanceLines()),
                "GET /v1/accounts/{id}/balances",
                differences,
                checkStarted);
        checkStarted = System.nanoTime();
        long[] rows = views.settlementRows(
                n -> progress.update(String.format(Locale.ROOT, "checking settlement rows: %,d dates", n)));
        progress.clear();
        checkLine(
                out,
                ViewAudit.SETTLEMENT_ROWS,
                String.format(Locale.ROOT, "%,d rows of %,d dates", rows[0], rows[1]),
                "GET /v1/settlements/{date}",
                differences,
                checkStarted);
        checkStarted = System.nanoTime();
        Map<String, RecomputedTrialBalance> trial = views.trialBalance();
        StringBuilder totals = new StringBuilder();
        trial.values()
                .forEach(t -> totals.append(totals.length() == 0 ? "" : ", ")
                        .append(t.currency())
                        .append(" total ")
                        .append(t.total()));
        checkLine(
                out,
                ViewAudit.TRIAL_BALANCE,
                trial.isEmpty() ? "no posting" : totals.toString(),
                "GET /v1/trial-balance",
                differences,
                checkStarted);
    }

    /** The topic audits' result once done; their own failure (Kafka out of reach) as it was thrown. */
    private static TopicAudits.Result result(FutureTask<TopicAudits.Result> topicAudits) {
        try {
            return topicAudits.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted while checking ledger.journal and ledger.outcomes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AuditFailure(
                    "the checks of ledger.journal and ledger.outcomes failed: " + e.getCause(), e.getCause());
        }
    }

    private void checkLine(
            PrintWriter out, String check, String what, String source, Differences differences, long startedNanos) {
        out.println(checkLine(
                check,
                what,
                source,
                differences.count(check),
                differences.unanswered(check),
                Elapsed.since(startedNanos)));
        out.flush();
    }

    /** One line of the report: the check, what it covered, where the figures came from, the verdict, the time. */
    static String checkLine(String check, String what, String source, long differences, String elapsed) {
        return checkLine(check, what, source, differences, 0, elapsed);
    }

    /** As above, with the figures the query API could not give (503) beside the differences. */
    static String checkLine(
            String check, String what, String source, long differences, long unanswered, String elapsed) {
        String verdict = differences == 0
                ? "agree"
                : String.format(Locale.ROOT, "%,d difference%s", differences, differences == 1 ? "" : "s");
        if (unanswered > 0) {
            verdict = (differences == 0 ? "" : verdict + ", ")
                    + String.format(Locale.ROOT, "%,d unanswered (503)", unanswered);
        }
        return String.format(Locale.ROOT, "  %-16s %-32s %-32s %-16s %s", check, what, source, verdict, elapsed);
    }
}
