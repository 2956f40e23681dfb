package org.kleline.ledger.model.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.redemption;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Merchants.merchant;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.model.cardpayment.CardPaymentDecider;
import org.kleline.ledger.model.cardpayment.CardPaymentState;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.PayloadDigest;
import org.kleline.ledger.model.fixtures.MapContext;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.wallet.WalletDecider;
import org.kleline.ledger.model.wallet.WalletState;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;

/** The journal entry and outcome records the projector publishes, built from decisions. */
class DecisionRecordsTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final WalletState W1 = new WalletState(new WalletId("w-1"), EUR, 1_000, 15_000);

    private final MapContext context =
            new MapContext().withMerchant(merchant("m-1", "pa-1", "EUR", T0.minusSeconds(3_600), standardPlan()));
    private final WalletDecider wallets = new WalletDecider(BusinessCalendar.defaultCalendar());
    private final CardPaymentDecider payments = new CardPaymentDecider(BusinessCalendar.defaultCalendar());

    private Decision<CardPaymentState> capture10000() {
        var payment = CardPaymentState.authorized(new PaymentId("p-1"), new MerchantId("m-1"), EUR, 10_000);
        return payments.decide(payment, event("e-c1", T0, capture("p-1", 10_000)), context);
    }

    @Test
    void journalEntryOfAnAcceptedEventIsKeyedByItsEventIdAndDatedByItsBusinessDate() {
        JournalEntry entry = JournalEntries.of(capture10000());
        assertThat(entry)
                .isEqualTo(new JournalEntry(
                        "e-c1",
                        "e-c1",
                        EventType.CardPaymentCaptured,
                        T0,
                        D0,
                        List.of(
                                new Posting("platform:card-clearing", "EUR", -10_000L),
                                new Posting("merchant:m-1", "EUR", 9_825L),
                                new Posting("platform:fees", "EUR", 140L),
                                new Posting("partner:pa-1", "EUR", 35L))));
    }

    @Test
    void onlyAnAcceptedEventHasAJournalEntry() {
        Decision<WalletState> rejected = wallets.decide(W1, event("e-1", redemption("w-1", 2_000)), context);
        assertThatThrownBy(() -> JournalEntries.of(rejected))
                .hasMessage("only an ACCEPTED event has a journal entry; event e-1 is REJECTED");
    }

    @Test
    void acceptedOutcomeCarriesKeyTypeAndPostings() {
        EventOutcome outcome = EventOutcomes.of(capture10000());
        assertThat(outcome.getEventId()).isEqualTo("e-c1");
        assertThat(outcome.getKey()).isEqualTo("payment:p-1");
        assertThat(outcome.getEventType()).isEqualTo(EventType.CardPaymentCaptured);
        assertThat(outcome.getOccurredAt()).isEqualTo(T0);
        assertThat(outcome.getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(outcome.getReason()).isNull();
        assertThat(outcome.getPostings())
                .hasSize(4)
                .first()
                .isEqualTo(new Posting("platform:card-clearing", "EUR", -10_000L));
    }

    @Test
    void rejectedOutcomeCarriesItsReasonAndNoPostings() {
        EventOutcome outcome = EventOutcomes.of(wallets.decide(W1, event("e-1", redemption("w-1", 2_000)), context));
        assertThat(outcome).isEqualTo(unchangedRedemption(Outcome.REJECTED, RejectionReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void duplicateOutcomeHasNoReasonAndNoPostings() {
        context.withSeen(AggregateKey.wallet("w-1"), "e-1");
        EventOutcome outcome = EventOutcomes.of(wallets.decide(W1, event("e-1", redemption("w-1", 2_000)), context));
        assertThat(outcome).isEqualTo(unchangedRedemption(Outcome.DUPLICATE, null));
    }

    @Test
    void theOutcomeRecordsWhoAppendedTheEventAndADigestOfWhatItAsked() {
        EventEnvelope appended = event("e-1", redemption("w-1", 2_000));
        appended.setAppendedBy("k0000000001a");
        EventOutcome outcome = EventOutcomes.of(wallets.decide(W1, appended, context));
        assertThat(outcome.getAppendedBy()).isEqualTo("k0000000001a");
        assertThat(outcome.getPayloadSha256())
                .isEqualTo(PayloadDigest.of(redemption("w-1", 2_000)))
                .hasSize(43)
                .isNotEqualTo(PayloadDigest.of(redemption("w-1", 2_001)))
                .isNotEqualTo(PayloadDigest.of(new org.kleline.ledger.events.WalletToppedUp("w-1", 2_000L)));
    }

    @Test
    void decisionWhoseOutcomeAndReasonDisagreeCannotExist() {
        var event = event("e-1", redemption("w-1", 1));
        assertThatThrownBy(() -> new Decision<>(
                        event,
                        AggregateKey.wallet("w-1"),
                        D0,
                        Outcome.ACCEPTED,
                        RejectionReason.INSUFFICIENT_FUNDS,
                        List.of(),
                        W1,
                        null))
                .hasMessage("a reason goes with REJECTED and only with it: ACCEPTED, INSUFFICIENT_FUNDS");
    }

    /** The outcome of the redemption of 2,000 from w-1 at T0 when it changes nothing. */
    private static EventOutcome unchangedRedemption(Outcome outcome, RejectionReason reason) {
        return new EventOutcome(
                "e-1",
                "wallet:w-1",
                EventType.WalletRedeemed,
                T0,
                outcome,
                reason,
                List.of(),
                null,
                PayloadDigest.of(redemption("w-1", 2_000)));
    }
}
