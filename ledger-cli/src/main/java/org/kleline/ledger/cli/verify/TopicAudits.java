package org.kleline.ledger.cli.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.TopicPartition;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.progress.Elapsed;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.topics.Topic;
import org.kleline.ledger.model.topics.Topics;

/**
 * The checks of {@code ledger.journal} and {@code ledger.outcomes} against the recomputation. They read
 * Kafka and spend this process's CPU, while the checks of the views mostly wait for the query API, so
 * verify runs them on a thread of their own meanwhile; the recomputation is only read once the replay
 * is over. Their differences are kept apart and their report lines returned, so that verify prints and
 * counts them after the views', in the same order as if they had run after them.
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
        Differences differences = new Differences();
        List<String> lines = new ArrayList<>();
        Set<String> appendedSince = appendedSince();
        if (!appendedSince.isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  note: %,d events were appended while verifying; their outcomes "
                            + "and entries are not judged, and the views differ by them",
                    appendedSince.size()));
        }
        lines.add(audited(new JournalAudit(recomputed, appendedSince, differences), topics.journal(), "%,d entries"));
        lines.add(audited(
                new OutcomeTopicAudit(recomputed, appendedSince, differences), topics.outcomes(), "%,d records"));
        return new Result(differences, lines);
    }

    /** Reads {@code topic} whole through {@code audit}; its check line, {@code counted} formatting the records read. */
    private <V> String audited(TopicAudit<V> audit, Topic<?, V> topic, String counted) {
        long started = System.nanoTime();
        try (LogReader reader = LogReader.open(clients, topic.name())) {
            long records =
                    audit.audit(reader, reader.endOffsets(), topic.valueSerde().deserializer(), n -> {});
            return VerifyCommand.checkLine(
                    audit.check(),
                    String.format(Locale.ROOT, counted, records),
                    topic.name(),
                    audit.differences(),
                    Elapsed.since(started));
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
