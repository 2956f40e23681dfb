package org.kleline.ledger.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.web.outcome.OutcomeBody;

/** Ingest sees the same outcome record the projector wrote, though it travelled as the HTTP body. */
class ViewsOutcomeLookupTest {

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(
                        "an accepted outcome comes back with its postings",
                        outcome(
                                "ev-1",
                                EventType.WalletToppedUp,
                                "2024-03-01T10:00:00.123Z",
                                Outcome.ACCEPTED,
                                null,
                                List.of(
                                        new Posting("platform:card-clearing", "EUR", -5_000L),
                                        new Posting("wallet:w-1", "EUR", 5_000L)))),
                Arguments.of(
                        "a rejected outcome comes back with its reason and no postings",
                        outcome(
                                "ev-2",
                                EventType.WalletRedeemed,
                                "2024-03-01T10:00:00Z",
                                Outcome.REJECTED,
                                RejectionReason.INSUFFICIENT_FUNDS,
                                List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void anOutcomeComesBackAsTheProjectorWroteIt(String story, EventOutcome written) {
        assertThat(ViewsOutcomeLookup.toAvro(OutcomeBody.of(written))).isEqualTo(written);
    }

    private static EventOutcome outcome(
            String eventId,
            EventType type,
            String occurredAt,
            Outcome outcome,
            RejectionReason reason,
            List<Posting> postings) {
        return EventOutcome.newBuilder()
                .setEventId(eventId)
                .setKey("wallet:w-1")
                .setEventType(type)
                .setOccurredAt(Instant.parse(occurredAt))
                .setOutcome(outcome)
                .setReason(reason)
                .setPostings(postings)
                .build();
    }
}
