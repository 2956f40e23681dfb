package org.kleline.ledger.cli.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.apache.kafka.common.TopicPartition;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.topics.Topics;

/**
 * The checks of {@code ledger.journal} and {@code ledger.outcomes} against the recomputation. They read
 * Kafka and spend this process's CPU, while the checks of the views mostly wait for the query API, so
 * verify runs them on a thread of their own meanwhile; the recomputation is only read once the replay
 * is over. The two topics are read at once, each by a thread and a consumer of its own. Their
 * differences are kept apart and their report lines returned, so that verify prints and counts them
 * after the views', in the same order as if they had run after them.
 */
final class TopicAudits implements Callable<TopicAudits.Result> {

    /** What the topic checks found, and the lines reporting them (a note first when events were appended). */
    record Result(Differences differences, List<String> lines) {}

    private final ClientProperties clients;
    private final Topics topics;
    private final Map<TopicPartition, Long> eventEnds;
    private final Recomputation recomputed;

    TopicAudits(
            ClientProperties clients, Topics topics, Map<TopicPartition, Long> eventEnds, Recomputation recomputed) {
        this.clients = clients;
        this.topics = topics;
        this.eventEnds = eventEnds;
        this.recomputed = recomputed;
    }

    @Override
    public Result call() {
        List<String> lines = new ArrayList<>();
        Set<String> appendedSince = appendedSince();
        if (!appendedSince.isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  note: %,d events were appended while verifying; their outcomes "
                            + "and entries are not judged, and the views differ by them",
                    appendedSince.size()));
        }
        FutureTask<Audited> outcomes = new FutureTask<>(() -> outcomeTopic(appendedSince));
        Thread outcomesThread = new Thread(outcomes, "verify-outcome-topic-audit");
        outcomesThread.setDaemon(true);
        outcomesThread.start();
        try {
            Audited journal = journal(appendedSince);
            Audited outcomeTopic = VerifyCommand.result(outcomes, "the check of " + Topics.OUTCOMES);
            Differences differences = new Differences();
            differences.addAll(journal.differences());
            differences.addAll(outcomeTopic.differences());
            lines.add(journal.line());
            lines.add(outcomeTopic.line());
            return new Result(differences, lines);
        } finally {
            outcomes.cancel(true);
        }
    }

    /** One topic's check: what it found and its report line. */
    private record Audited(Differences differences, String line) {}

    private Audited journal(Set<String> appendedSince) {
        long started = System.nanoTime();
        Differences differences = new Differences();
        try (LogReader journal = LogReader.open(clients, Topics.JOURNAL)) {
            long entries = new JournalAudit(recomputed, appendedSince, differences)
                    .audit(
                            journal,
                            journal.endOffsets(),
                            topics.journal().valueSerde().deserializer(),
                            n -> {});
            return new Audited(
                    differences,
                    VerifyCommand.checkLine(
                            JournalAudit.CHECK,
                            String.format(Locale.ROOT, "%,d entries", entries),
                            Topics.JOURNAL,
                            differences.count(JournalAudit.CHECK),
                            Elapsed.since(started)));
        }
    }

    private Audited outcomeTopic(Set<String> appendedSince) {
        long started = System.nanoTime();
        Differences differences = new Differences();
        try (LogReader outcomeTopic = LogReader.open(clients, Topics.OUTCOMES)) {
            long records = new OutcomeTopicAudit(recomputed, appendedSince, differences)
                    .audit(
                            outcomeTopic,
                            outcomeTopic.endOffsets(),
                            topics.outcomes().valueSerde().deserializer(),
                            n -> {});
            return new Audited(
                    differences,
                    VerifyCommand.checkLine(
                            OutcomeTopicAudit.CHECK,
                            String.format(Locale.ROOT, "%,d records", records),
                            Topics.OUTCOMES,
                            differences.count(OutcomeTopicAudit.CHECK),
                            Elapsed.since(started)));
        }
    }

    /** The eventIds appended to the log since the replay's end offsets: outcomes and entries of theirs are not judged. */
    private Set<String> appendedSince() {
        Set<String> ids = new HashSet<>();
        try (LogReader events = LogReader.open(clients, Topics.EVENTS)) {
            Map<TopicPartition, Long> now = events.endOffsets();
            if (now.equals(eventEnds)) {
                return ids;
            }
            events.seek(eventEnds);
            var deserializer = topics.events().valueSerde().deserializer();
            events.readTo(now, record -> {
                try {
                    EventEnvelope event = deserializer.deserialize(record.topic(), record.value());
                    if (event != null) {
                        ids.add(event.getEventId());
                    }
                } catch (RuntimeException unreadable) {
                    SchemaRegistryCheck.rethrowIfRegistryFailed(
                            unreadable,
                            record.topic() + " partition " + record.partition() + " offset " + record.offset());
                    // Not decided by the projector either: nothing of it to leave out.
                }
            });
        }
        return ids;
    }
}
