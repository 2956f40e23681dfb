package org.kleline.ledger.cli.verify;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/**
 * {@code ledger.outcomes} read whole: one record per event of the log, the first (non-DUPLICATE)
 * one of each eventId equal to the recomputed outcome, and never a second non-DUPLICATE outcome for
 * an eventId (an event decided twice, or an outcome forged after the fact).
 */
final class OutcomeTopicAudit {

    static final String CHECK = "outcomes topic";
    static final int PROGRESS_EVERY = 10_000;

    private final Recomputation recomputed;
    private final Set<String> appendedSince;
    private final Differences differences;
    /** The first non-DUPLICATE outcome of each eventId, as a hash of what it decided: enough to tell a second one. */
    private final Map<String, Integer> decided = new HashMap<>();

    private long duplicates;
    private long records;

    OutcomeTopicAudit(Recomputation recomputed, Set<String> appendedSince, Differences differences) {
        this.recomputed = recomputed;
        this.appendedSince = appendedSince;
        this.differences = differences;
    }

    long audit(
            LogReader outcomes,
            Map<TopicPartition, Long> ends,
            Deserializer<EventOutcome> deserializer,
            LongConsumer progress) {
        outcomes.readTo(ends, record -> {
            check(record, deserializer);
            if (++records % PROGRESS_EVERY == 0) {
                progress.accept(records);
            }
        });
        for (String eventId : recomputed.eventIds()) {
            if (!decided.containsKey(eventId)) {
                differences.add(
                        CHECK,
                        "no outcome for event " + eventId + "; the log gives "
                                + recomputed
                                        .outcome(eventId)
                                        .map(Describe::outcome)
                                        .orElse("none"));
            }
        }
        long expectedDuplicates = recomputed.outcomes(Outcome.DUPLICATE);
        if (duplicates != expectedDuplicates) {
            differences.add(
                    CHECK,
                    duplicates + " DUPLICATE outcomes, but the log holds " + expectedDuplicates + " retried events");
        }
        progress.accept(records);
        return records;
    }

    private void check(ConsumerRecord<byte[], byte[]> record, Deserializer<EventOutcome> deserializer) {
        String where = "ledger.outcomes partition " + record.partition() + " offset " + record.offset();
        EventOutcome outcome;
        try {
            outcome = deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            SchemaRegistryCheck.rethrowIfRegistryFailed(e, where);
            differences.add(CHECK, "unreadable record at " + where + ": " + e.getMessage());
            return;
        }
        if (outcome == null) {
            differences.add(CHECK, "a record without a value at " + where);
            return;
        }
        String eventId = outcome.getEventId();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!eventId.equals(key)) {
            differences.add(CHECK, "outcome of " + eventId + " at " + where + " is keyed " + key);
        }
        if (appendedSince.contains(eventId)) {
            return;
        }
        Optional<EventOutcome> expected = recomputed.outcome(eventId);
        if (expected.isEmpty()) {
            differences.add(
                    CHECK,
                    "outcome at " + where + " for event " + eventId + ", which is not in the log: "
                            + Describe.outcome(outcome));
            return;
        }
        if (outcome.getOutcome() == Outcome.DUPLICATE) {
            duplicates++;
            return;
        }
        Integer previous = decided.putIfAbsent(eventId, fingerprint(outcome));
        if (recomputed.reusedAcrossKeys(eventId)) {
            return;
        }
        if (previous != null) {
            differences.add(
                    CHECK,
                    "event " + eventId + " has a second "
                            + (previous == fingerprint(outcome) ? "outcome, the same," : "and different outcome,")
                            + " at " + where + ": "
                            + Describe.outcome(outcome) + "; the log gives " + Describe.outcome(expected.get()));
        } else if (!outcome.equals(expected.get())) {
            differences.add(
                    CHECK,
                    "outcome of event " + eventId + " at " + where + " is " + Describe.outcome(outcome)
                            + "; the log gives " + Describe.outcome(expected.get()));
        }
    }

    private static int fingerprint(EventOutcome o) {
        return Objects.hash(
                o.getKey(), o.getEventType(), o.getOccurredAt(), o.getOutcome(), o.getReason(), o.getPostings());
    }
}
