package org.kleline.ledger.web.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.web.json.LedgerJson;

class OutcomeBodyTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");

    private static String json(EventOutcome outcome) throws Exception {
        return LedgerJson.mapper().writeValueAsString(OutcomeBody.of(outcome));
    }

    @Test
    void acceptedShowsItsPostingsAndNoReason() throws Exception {
        EventOutcome accepted = new EventOutcome(
                "e-1",
                "wallet:w-1",
                EventType.WalletRedeemed,
                AT,
                Outcome.ACCEPTED,
                null,
                List.of(new Posting("wallet:w-1", "EUR", -700L), new Posting("platform:card-clearing", "EUR", 700L)),
                null,
                null);
        assertThat(json(accepted))
                .isEqualTo("{\"eventId\":\"e-1\",\"type\":\"WalletRedeemed\",\"key\":\"wallet:w-1\","
                        + "\"occurredAt\":\"2026-11-27T10:15:30.123Z\",\"outcome\":\"ACCEPTED\",\"postings\":["
                        + "{\"account\":\"wallet:w-1\",\"currency\":\"EUR\",\"amount\":-700},"
                        + "{\"account\":\"platform:card-clearing\",\"currency\":\"EUR\",\"amount\":700}]}");
    }

    @Test
    void acceptedWithoutPostingsShowsAnEmptyList() throws Exception {
        EventOutcome opened = new EventOutcome(
                "e-2", "wallet:w-1", EventType.WalletOpened, AT, Outcome.ACCEPTED, null, List.of(), null, null);
        assertThat(json(opened)).endsWith("\"outcome\":\"ACCEPTED\",\"postings\":[]}");
    }

    @Test
    void rejectedShowsItsReasonAndNoPostings() throws Exception {
        EventOutcome rejected = new EventOutcome(
                "e-3",
                "payment:p-1",
                EventType.CardPaymentCaptured,
                AT,
                Outcome.REJECTED,
                RejectionReason.EXCEEDS_AUTHORIZED,
                List.of(),
                null,
                null);
        assertThat(json(rejected))
                .isEqualTo("{\"eventId\":\"e-3\",\"type\":\"CardPaymentCaptured\","
                        + "\"key\":\"payment:p-1\",\"occurredAt\":\"2026-11-27T10:15:30.123Z\",\"outcome\":\"REJECTED\","
                        + "\"reason\":\"EXCEEDS_AUTHORIZED\"}");
    }

    @Test
    void wholeSecondTimesStayIsoInstants() throws Exception {
        EventOutcome outcome = new EventOutcome(
                "e-4",
                "merchant:m-1",
                EventType.MerchantOnboarded,
                Instant.parse("2026-11-27T10:00:00Z"),
                Outcome.ACCEPTED,
                null,
                List.of(),
                null,
                null);
        assertThat(json(outcome)).contains("\"occurredAt\":\"2026-11-27T10:00:00Z\"");
    }
}
