package org.kleline.ledger.cli.verify;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/**
 * {@code ledger.journal} read whole against the log: exactly one entry per ACCEPTED event, with
 * exactly the postings the rules give, each entry balanced per currency; no entry for anything else.
 */
final class JournalAudit extends TopicAudit<JournalEntry> {

    static final String CHECK = "journal";

    private final Set<String> entries = new HashSet<>();

    /** @param appendedSince eventIds appended after the log was read: their entries are not judged */
    JournalAudit(Recomputation recomputed, Set<String> appendedSince, Differences differences) {
        super(CHECK, recomputed, appendedSince, differences);
    }

    @Override
    void checkNoneMissing() {
        for (String eventId : recomputed.eventIds()) {
            Optional<EventOutcome> outcome = recomputed.outcome(eventId);
            if (outcome.isPresent() && outcome.get().getOutcome() == Outcome.ACCEPTED && !entries.contains(eventId)) {
                differ("no entry for event " + eventId + ", ACCEPTED with "
                        + Describe.postings(outcome.get().getPostings()));
            }
        }
    }

    @Override
    void check(JournalEntry entry, String key, String where) {
        String eventId = entry.getEventId();
        if (!eventId.equals(entry.getEntryId()) || !eventId.equals(key)) {
            differ("entry " + entry.getEntryId() + " (key " + key + ") at " + where
                    + " is not keyed and named by its eventId " + eventId);
        }
        unbalanced(entry)
                .ifPresent(sum -> differ("entry of event " + eventId + " at " + where + " does not balance: " + sum));
        if (appendedSince.contains(eventId)) {
            return;
        }
        boolean first = entries.add(eventId);
        Optional<JournalEntry> expected = recomputed.journalEntry(eventId);
        if (expected.isEmpty()) {
            differ("entry at " + where + " for event " + eventId + ", which "
                    + recomputed
                            .outcome(eventId)
                            .map(o -> "the log decides " + o.getOutcome())
                            .orElse("is not in the log")
                    + ": " + Describe.postings(entry.getPostings()));
            return;
        }
        if (!first && !recomputed.reusedAcrossKeys(eventId)) {
            differ("a second entry for event " + eventId + " at " + where + ": "
                    + Describe.postings(entry.getPostings()));
        }
        if (!entry.equals(expected.get()) && !recomputed.reusedAcrossKeys(eventId)) {
            differ("entry of event " + eventId + " at " + where + " differs: the journal has "
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
