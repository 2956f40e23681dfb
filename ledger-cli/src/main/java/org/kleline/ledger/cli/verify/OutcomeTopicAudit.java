package org.kleline.ledger.cli.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/**
 * {@code ledger.outcomes} read whole: one record per event of the log, the first (non-DUPLICATE)
 * one of each eventId equal to the recomputed outcome, and never a second non-DUPLICATE outcome for
 * an eventId (an event decided twice, or an outcome forged after the fact).
 */
final class OutcomeTopicAudit extends TopicAudit<EventOutcome> {

    static final String CHECK = "outcomes topic";

    /** The first non-DUPLICATE outcome of each eventId, as a hash of what it decided: enough to tell a second one. */
    private final Map<String, Integer> decided = new HashMap<>();

    private long duplicates;

    OutcomeTopicAudit(Recomputation recomputed, Set<String> appendedSince, Differences differences) {
        super(CHECK, recomputed, appendedSince, differences);
    }

    @Override
    void checkNoneMissing() {
        for (String eventId : recomputed.eventIds()) {
            if (!decided.containsKey(eventId)) {
                differ("no outcome for event " + eventId + "; the log gives "
                        + recomputed.outcome(eventId).map(Describe::outcome).orElse("none"));
            }
        }
        long expectedDuplicates = recomputed.outcomes(Outcome.DUPLICATE);
        if (duplicates != expectedDuplicates) {
            differ(duplicates + " DUPLICATE outcomes, but the log holds " + expectedDuplicates + " retried events");
        }
    }

    @Override
    void check(EventOutcome outcome, String key, String where) {
        String eventId = outcome.getEventId();
        if (!eventId.equals(key)) {
            differ("outcome of " + eventId + " at " + where + " is keyed " + key);
        }
        if (appendedSince.contains(eventId)) {
            return;
        }
        Optional<EventOutcome> expected = recomputed.outcome(eventId);
        if (expected.isEmpty()) {
            differ("outcome at " + where + " for event " + eventId + ", which is not in the log: "
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
            differ("event " + eventId + " has a second "
                    + (previous == fingerprint(outcome) ? "outcome, the same," : "and different outcome,")
                    + " at " + where + ": "
                    + Describe.outcome(outcome) + "; the log gives " + Describe.outcome(expected.get()));
        } else if (!outcome.equals(expected.get())) {
            differ("outcome of event " + eventId + " at " + where + " is " + Describe.outcome(outcome)
                    + "; the log gives " + Describe.outcome(expected.get()));
        }
    }

    private static int fingerprint(EventOutcome o) {
        return Objects.hash(
                o.getKey(), o.getEventType(), o.getOccurredAt(), o.getOutcome(), o.getReason(), o.getPostings());
    }
}
