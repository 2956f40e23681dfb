package org.kleline.ledger.cli.verify;

import java.util.List;
import java.util.stream.Collectors;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;

/** Outcomes and postings in a few words, for a difference a person reads. */
final class Describe {

    private Describe() {}

    static String outcome(EventOutcome o) {
        return o.getEventType() + " " + o.getKey() + " at " + o.getOccurredAt() + ": " + o.getOutcome()
                + (o.getReason() == null ? "" : " (" + o.getReason() + ")") + " " + postings(o.getPostings());
    }

    static String postings(List<Posting> postings) {
        return postings.stream()
                .map(p -> p.getAccount() + " " + p.getCurrency() + " " + p.getAmount())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
