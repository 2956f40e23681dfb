package org.kleline.ledger.cli.verify;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.kafka.common.TopicPartition;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryOn503;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.kafka.ExternalKafkaOptions;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger verify}: an audit of every figure against the event log, trusting nothing the projector made. */
@Command(name = "verify", sortOptions = false,
        description = {"Audit the ledger without trusting the projector: read ledger.events from the beginning with a "
                + "plain consumer (read_committed, up to the end offsets taken at start), work out every outcome, "
                + "balance and settlement row again with ledger-model's rules, then compare them with the query API "
                + "(every event's outcome, every account's balances, every settlement row, the trial balance), with "
                + "ledger.journal (exactly one entry per ACCEPTED event, with its postings, each balanced) and with "
                + "ledger.outcomes (one outcome per event; never two for an eventId).",
                "First waits (at most --wait) for the projector to decide every event read. Verify a quiet ledger: "
                        + "events appended while it runs make the views differ.",
                "Exit code 0 when everything agrees, 1 on any difference (the first 20 are named), 2 on a bad "
                        + "command line.",
                ""})
public final class VerifyCommand implements Callable<Integer> {

    static final Duration RECHECK_FOR = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    ExternalKafkaOptions kafka;

    @Option(names = "--api-url", defaultValue = LedgerApi.DEFAULT_URL, paramLabel = "URL",
            description = "The ledger's HTTP API, whose reads are checked (default ${DEFAULT-VALUE}).")
    URI apiUrl;

    @Option(names = "--settlement-zone", defaultValue = "Europe/Paris", paramLabel = "ZONE",
            description = "The time zone of business dates, as the projector was given it (default ${DEFAULT-VALUE}).")
    ZoneId settlementZone;

    @Option(names = "--wait", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long to wait for the projector to decide every event read (default ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Option(names = "--http-concurrency", defaultValue = "8", paramLabel = "N",
            description = "Reads of the query API in flight at once (default ${DEFAULT-VALUE}).")
    int httpConcurrency;

    @Override
    public Integer call() {
        ClientProperties clients = kafka.clientProperties();
        HttpQuerySide query;
        try {
            if (waitSeconds < 0) {
                throw new IllegalArgumentException("--wait must be >= 0 seconds, was " + waitSeconds);
            }
            query = new HttpQuerySide(new LedgerApi(apiUrl), httpConcurrency, RetryOn503.standard());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressLine progress = ProgressLine.onStderr(spec.commandLine().getErr());
        out.printf("Verifying Kleline Ledger: the log at %s against %s, ledger.journal and ledger.outcomes%n",
                clients.bootstrapServers(), query.describe());
        out.flush();
        Differences differences = audit(clients, query, out, progress);
        if (differences.count() == 0) {
            out.println("No difference: every outcome, balance, settlement row and journal entry follows from the log.");
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%,d difference%s; the first %d:%n", differences.count(),
                differences.count() == 1 ? "" : "s", differences.first().size());
        differences.first().forEach(d -> out.println("  " + d));
        out.flush();
        return 1;
    }

    private Differences audit(ClientProperties clients, QuerySide query, PrintWriter out, ProgressLine progress) {
        Topics topics = Topics.create(clients.asClientMap());
        Differences differences = new Differences();
        long started = System.nanoTime();
        Map<TopicPartition, Long> eventEnds;
        int partitions;
        Recomputation recomputed;
        try (LogReader events = LogReader.open(clients, Topics.EVENTS)) {
            eventEnds = events.endOffsets();
            partitions = events.partitionCount();
            recomputed = new Recomputation(new BusinessCalendar(settlementZone), partitions);
            EventLogReplay.replay(events, eventEnds, topics.events().valueSerde().deserializer(), recomputed,
                    n -> progress.update(String.format(Locale.ROOT, "replaying ledger.events: %,d records", n)));
        }
        progress.clear();
        out.printf(Locale.ROOT, "Read %,d records of ledger.events (%d partitions, up to the end offsets taken at "
                        + "start) and decided them again in %s: %,d ACCEPTED, %,d REJECTED, %,d DUPLICATE%n",
                recomputed.events(), partitions, Elapsed.since(started),
                recomputed.outcomes(Outcome.ACCEPTED), recomputed.outcomes(Outcome.REJECTED),
                recomputed.outcomes(Outcome.DUPLICATE));
        if (!recomputed.unreadable().isEmpty()) {
            LoggedEvent firstBad = recomputed.unreadable().get(0);
            out.printf(Locale.ROOT, "  %,d records cannot be decided (the projector sends them to %s), the first at "
                    + "%s: %s%n", recomputed.unreadable().size(), Topics.EVENTS_DLQ, firstBad.where(), firstBad.failure());
        }
        out.flush();

        long waitStarted = System.nanoTime();
        boolean caughtUp = ProjectorWait.await(query, recomputed, Duration.ofSeconds(waitSeconds), progress);
        progress.clear();
        out.printf("%s (waited %s)%n", caughtUp ? "The projector had decided every event read"
                : "The projector had NOT decided every event read after --wait " + waitSeconds + " s; comparing anyway",
                Elapsed.since(waitStarted));

        // The topic checks spend this process's CPU while the view checks mostly wait for the query API: at once.
        FutureTask<TopicAudits.Result> topicAudits = new FutureTask<>(new TopicAudits(clients, topics, eventEnds,
                recomputed));
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

    private void auditViews(QuerySide query, Recomputation recomputed, Differences differences, PrintWriter out,
                            ProgressLine progress) {
        ViewAudit views = new ViewAudit(query, recomputed, differences, RECHECK_FOR);
        long checkStarted = System.nanoTime();
        long outcomes = views.outcomes(n -> progress.update(String.format(Locale.ROOT,
                "checking outcomes: %,d of %,d events", n, recomputed.eventIds().size())));
        progress.clear();
        checkLine(out, ViewAudit.OUTCOMES, String.format(Locale.ROOT, "%,d events", outcomes),
                "POST /v1/outcomes/lookup", differences, checkStarted);
        checkStarted = System.nanoTime();
        long accounts = views.balances(n -> progress.update(String.format(Locale.ROOT,
                "checking balances: %,d accounts", n)));
        progress.clear();
        checkLine(out, ViewAudit.BALANCES, String.format(Locale.ROOT, "%,d accounts (%,d balances)", accounts,
                recomputed.balanceLines()), "GET /v1/accounts/{id}/balances", differences, checkStarted);
        checkStarted = System.nanoTime();
        long[] rows = views.settlementRows(n -> progress.update(String.format(Locale.ROOT,
                "checking settlement rows: %,d dates", n)));
        progress.clear();
        checkLine(out, ViewAudit.SETTLEMENT_ROWS, String.format(Locale.ROOT, "%,d rows of %,d dates", rows[0], rows[1]),
                "GET /v1/settlements/{date}", differences, checkStarted);
        checkStarted = System.nanoTime();
        Map<String, TrialBalanceLine> trial = views.trialBalance();
        StringBuilder totals = new StringBuilder();
        trial.values().forEach(t -> totals.append(totals.length() == 0 ? "" : ", ").append(t.currency())
                .append(" total ").append(t.total()));
        checkLine(out, ViewAudit.TRIAL_BALANCE, trial.isEmpty() ? "no posting" : totals.toString(),
                "GET /v1/trial-balance", differences, checkStarted);
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
            throw new AuditFailure("the checks of ledger.journal and ledger.outcomes failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private void checkLine(PrintWriter out, String check, String what, String source, Differences differences,
                           long startedNanos) {
        out.println(checkLine(check, what, source, differences.count(check), Elapsed.since(startedNanos)));
        out.flush();
    }

    /** One line of the report: the check, what it covered, where the figures came from, the verdict, the time. */
    static String checkLine(String check, String what, String source, long differences, String elapsed) {
        return String.format(Locale.ROOT, "  %-16s %-32s %-32s %-16s %s", check, what, source,
                differences == 0 ? "agree"
                        : String.format(Locale.ROOT, "%,d difference%s", differences, differences == 1 ? "" : "s"),
                elapsed);
    }
}
