package org.kleline.ledger.model.decision;

import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.journal.JournalBalance;
import org.kleline.ledger.model.journal.JournalLine;

/**
 * The journal entry of an accepted event, as the {@code ledger.journal} topic carries it:
 * entryId and eventId are the event's id, businessDate its occurredAt's date.
 */
public final class JournalEntries {

    private JournalEntries() {}

    /**
     * @throws IllegalArgumentException when the decision is not ACCEPTED
     * @throws IllegalStateException    when its postings do not balance (checked again here, where
     *                                  the entry leaves the rules)
     */
    public static JournalEntry of(Decision<?> decision) {
        if (!decision.isAccepted()) {
            throw new IllegalArgumentException("only an ACCEPTED event has a journal entry; event " + decision.eventId()
                    + " is " + decision.outcome());
        }
        JournalBalance.requireBalanced(decision.postings());
        return new JournalEntry(
                decision.eventId(),
                decision.eventId(),
                decision.eventType(),
                decision.occurredAt(),
                decision.businessDate(),
                toAvro(decision.postings()));
    }

    static List<org.kleline.ledger.journal.Posting> toAvro(List<JournalLine> postings) {
        List<org.kleline.ledger.journal.Posting> avro = new ArrayList<>(postings.size());
        for (int i = 0; i < postings.size(); i++) {
            avro.add(postings.get(i).toAvro());
        }
        return avro;
    }
}
