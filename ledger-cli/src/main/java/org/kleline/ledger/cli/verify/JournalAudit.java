package org.kleline.ledger.cli.verify;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/**
 * {@code ledger.journal} read whole against the log: exactly one entry per ACCEPTED event, with
 * exactly the postings the rules give, each entry balanced per currency; no entry for anything else.
 */
final class JournalAudit {

    static final String CHECK = "journal";
    static final int PROGRESS_EVERY = 10_000;

    private final Recomputation recomputed;
    private final Set<String> appendedSince;
    private final Differences differences;
    private final Set<String> entries = new HashSet<>();
    private long records;

    /** @param appendedSince eventIds appended after the log was read: their entries are not judged */
    JournalAudit(Recomputation recomputed, Set<String> appendedSince, Differences differences) {
        this.recomputed = recomputed;
        this.appendedSince = appendedSince;
        this.differences = differences;
    }

    /** Reads the journal to {@code ends}; returns how many records were read. */
    long audit(
            LogReader journal,
            Map<TopicPartition, Long> ends,
            Deserializer<JournalEntry> deserializer,
            LongConsumer progress) {
        journal.readTo(ends, record -> {
            check(record, deserializer);
            if (++records % PROGRESS_EVERY == 0) {
                progress.accept(records);
            }
        });
        for (String eventId : recomputed.eventIds()) {
            Optional<EventOutcome> outcome = recomputed.outcome(eventId);
            if (outcome.isPresent() && outcome.get().getOutcome() == Outcome.ACCEPTED && !entries.contains(eventId)) {
                differences.add(
                        CHECK,
                        "no entry for event " + eventId + ", ACCEPTED with "
                                + Describe.postings(outcome.get().getPostings()));
            }
        }
        progress.accept(records);
        return records;
    }

    private void check(ConsumerRecord<byte[], byte[]> record, Deserializer<JournalEntry> deserializer) {
        String where = "ledger.journal partition " + record.partition() + " offset " + record.offset();
        JournalEntry entry;
        try {
            entry = deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            SchemaRegistryCheck.rethrowIfRegistryFailed(e, where);
            differences.add(CHECK, "unreadable record at " + where + ": " + e.getMessage());
            return;
        }
        if (entry == null) {
            differences.add(CHECK, "a record without a value at " + where);
            return;
        }
        String eventId = entry.getEventId();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!eventId.equals(entry.getEntryId()) || !eventId.equals(key)) {
            differences.add(
                    CHECK,
                    "entry " + entry.getEntryId() + " (key " + key + ") at " + where
                            + " is not keyed and named by its eventId " + eventId);
        }
        unbalanced(entry)
                .ifPresent(sum -> differences.add(
                        CHECK, "entry of event " + eventId + " at " + where + " does not balance: " + sum));
        if (appendedSince.contains(eventId)) {
            return;
        }
        boolean first = entries.add(eventId);
        Optional<JournalEntry> expected = recomputed.journalEntry(eventId);
        if (expected.isEmpty()) {
            differences.add(
                    CHECK,
                    "entry at " + where + " for event " + eventId + ", which "
                            + recomputed
                                    .outcome(eventId)
                                    .map(o -> "the log decides " + o.getOutcome())
                                    .orElse("is not in the log")
                            + ": " + Describe.postings(entry.getPostings()));
            return;
        }
        if (!first && !recomputed.reusedAcrossKeys(eventId)) {
            differences.add(
                    CHECK,
                    "a second entry for event " + eventId + " at " + where + ": "
                            + Describe.postings(entry.getPostings()));
        }
        if (!entry.equals(expected.get()) && !recomputed.reusedAcrossKeys(eventId)) {
            differences.add(
                    CHECK,
                    "entry of event " + eventId + " at " + where + " differs: the journal has "
                            + entry.getEventType() + " at " + entry.getOccurredAt() + " on " + entry.getBusinessDate()
                            + " "
                            + Describe.postings(entry.getPostings()) + "; the log gives "
                            + expected.get().getEventType()
                            + " at " + expected.get().getOccurredAt() + " on "
                            + expected.get().getBusinessDate() + " "
                            + Describe.postings(expected.get().getPostings()));
        }
    }

    /** The non-zero sums per currency of the entry's postings, if any. */
    static Optional<Map<String, Long>> unbalanced(JournalEntry entry) {
        Map<String, Long> sums = new TreeMap<>();
        for (Posting posting : entry.getPostings()) {
            sums.merge(posting.getCurrency(), posting.getAmount(), Math::addExact);
        }
        sums.values().removeIf(sum -> sum == 0);
        return sums.isEmpty() ? Optional.empty() : Optional.of(sums);
    }
}
