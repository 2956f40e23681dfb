package org.kleline.ledger.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.web.outcome.OutcomeBody;

/** Ingest sees the same outcome record the projector wrote, though it travelled as the HTTP body. */
class ViewsOutcomeLookupTest {

    @Test
    void anAcceptedOutcomeComesBackWithItsPostings() {
        EventOutcome accepted = EventOutcome.newBuilder()
                .setEventId("ev-1")
                .setKey("wallet:w-1")
                .setEventType(EventType.WalletToppedUp)
                .setOccurredAt(Instant.parse("2024-03-01T10:00:00.123Z"))
                .setOutcome(Outcome.ACCEPTED)
                .setReason(null)
                .setPostings(List.of(
                        new Posting("platform:card-clearing", "EUR", -5_000L),
                        new Posting("wallet:w-1", "EUR", 5_000L)))
                .build();
        assertThat(ViewsOutcomeLookup.toAvro(OutcomeBody.of(accepted))).isEqualTo(accepted);
    }

    @Test
    void aRejectedOutcomeComesBackWithItsReasonAndNoPostings() {
        EventOutcome rejected = EventOutcome.newBuilder()
                .setEventId("ev-2")
                .setKey("wallet:w-1")
                .setEventType(EventType.WalletRedeemed)
                .setOccurredAt(Instant.parse("2024-03-01T10:00:00Z"))
                .setOutcome(Outcome.REJECTED)
                .setReason(RejectionReason.INSUFFICIENT_FUNDS)
                .setPostings(List.of())
                .build();
        assertThat(ViewsOutcomeLookup.toAvro(OutcomeBody.of(rejected))).isEqualTo(rejected);
    }
}
