package org.kleline.ledger.model.serde;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * One example of every record the topics carry, keyed as on the topics, with figures that are easy to check by eye
 * (and, for the plain Avro decoders, in the units Avro writes them). Published in ledger-model's test-jar.
 */
public final class SampleRecords {

    public static final Instant OCCURRED_AT = Instant.parse("2024-05-01T10:15:30.123Z");
    /** {@link #OCCURRED_AT} as timestamp-millis writes it. */
    public static final long OCCURRED_AT_MILLIS = 1_714_558_530_123L;

    public static final LocalDate BUSINESS_DATE = LocalDate.of(2024, 5, 1);
    /** {@link #BUSINESS_DATE} as the date logical type writes it: days since 1970-01-01. */
    public static final int BUSINESS_DATE_EPOCH_DAY = 19_844;

    private SampleRecords() {}

    public static FeePlan feePlan() {
        return FeePlan.newBuilder()
                .setCardBps(150)
                .setCardFixed(25)
                .setMicroBps(500)
                .setMicroFixed(1)
                .setChargebackFee(1500)
                .setPartnerShareBps(2000)
                .build();
    }

    /** One payload of each of the eleven kinds of EventEnvelope.payload. */
    public static List<Object> everyPayload() {
        return List.of(
                MerchantOnboarded.newBuilder()
                        .setMerchantId("m-7")
                        .setName("Boulangerie Kleline")
                        .setPartnerId("p-1")
                        .setCurrency("EUR")
                        .setFeePlan(feePlan())
                        .build(),
                MerchantFeePlanChanged.newBuilder()
                        .setMerchantId("m-7")
                        .setFeePlan(feePlan())
                        .setEffectiveFrom(Instant.parse("2024-06-01T00:00:00Z"))
                        .build(),
                WalletOpened.newBuilder()
                        .setWalletId("w-1")
                        .setCurrency("EUR")
                        .setMaxBalance(15000)
                        .build(),
                WalletToppedUp.newBuilder().setWalletId("w-1").setAmount(5000).build(),
                WalletRedeemed.newBuilder().setWalletId("w-1").setAmount(1200).build(),
                micropayment(),
                CardPaymentAuthorized.newBuilder()
                        .setPaymentId("pay-9")
                        .setMerchantId("m-7")
                        .setAmount(10_000)
                        .setCurrency("EUR")
                        .build(),
                CardPaymentCaptured.newBuilder()
                        .setPaymentId("pay-9")
                        .setAmount(8_000)
                        .build(),
                CardPaymentRefunded.newBuilder()
                        .setPaymentId("pay-9")
                        .setAmount(3_000)
                        .build(),
                CardPaymentChargedBack.newBuilder()
                        .setPaymentId("pay-9")
                        .setAmount(5_000)
                        .setReasonCode("4837")
                        .build(),
                MerchantPaidOut.newBuilder()
                        .setMerchantId("m-7")
                        .setPayoutId("po-m-7-2024-05-01")
                        .setBusinessDate(BUSINESS_DATE)
                        .setAmount(7_650)
                        .build());
    }

    /** One envelope of each of the eleven payload kinds, eventIds {@code e-1} to {@code e-11}. */
    public static List<EventEnvelope> envelopesOfEveryPayloadKind() {
        List<Object> payloads = everyPayload();
        return IntStream.range(0, payloads.size())
                .mapToObj(i -> envelope("e-" + (i + 1), payloads.get(i)))
                .toList();
    }

    public static MicropaymentRequested micropayment() {
        return MicropaymentRequested.newBuilder()
                .setWalletId("w-1")
                .setMerchantId("m-7")
                .setAmount(250)
                .build();
    }

    public static EventEnvelope envelope(String eventId, Object payload) {
        return EventEnvelope.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(OCCURRED_AT)
                .setPayload(payload)
                .build();
    }

    public static EventEnvelope micropaymentEnvelope() {
        return envelope("3f1c1e4c-8b4e-4e5b-9d7a-1b2c3d4e5f60", micropayment());
    }

    public static List<Posting> micropaymentPostings() {
        return List.of(
                new Posting("wallet:w-1", "EUR", -250L),
                new Posting("merchant:m-7", "EUR", 237L),
                new Posting("platform:fees", "EUR", 11L),
                new Posting("partner:p-1", "EUR", 2L));
    }

    public static EventOutcome acceptedOutcome() {
        return EventOutcome.newBuilder()
                .setEventId("e-1")
                .setKey("wallet:w-1")
                .setEventType(EventType.MicropaymentRequested)
                .setOccurredAt(OCCURRED_AT)
                .setOutcome(Outcome.ACCEPTED)
                .setReason(null)
                .setPostings(micropaymentPostings())
                .build();
    }

    public static EventOutcome rejectedOutcome() {
        return EventOutcome.newBuilder()
                .setEventId("e-2")
                .setKey("wallet:w-1")
                .setEventType(EventType.WalletRedeemed)
                .setOccurredAt(OCCURRED_AT)
                .setOutcome(Outcome.REJECTED)
                .setReason(RejectionReason.INSUFFICIENT_FUNDS)
                .setPostings(List.of())
                .build();
    }

    public static JournalEntry journalEntry() {
        return JournalEntry.newBuilder()
                .setEntryId("e-1")
                .setEventId("e-1")
                .setEventType(EventType.MicropaymentRequested)
                .setOccurredAt(OCCURRED_AT)
                .setBusinessDate(BUSINESS_DATE)
                .setPostings(micropaymentPostings())
                .build();
    }

    public static SettlementRow settlementRow() {
        return SettlementRow.newBuilder()
                .setMerchantId("m-7")
                .setBusinessDate(BUSINESS_DATE)
                .setCurrency("EUR")
                .setCount(3)
                .setGross(18_250)
                .setRefunds(3_000)
                .setChargebacks(0)
                .setFees(412)
                .setCommission(82)
                .setNet(14_838)
                .setPaidOut(14_838)
                .setPayouts(1)
                .setStatus(SettlementStatus.PAID)
                .build();
    }

    /** The record key of an event on {@code ledger.events}: its aggregate key, e.g. {@code wallet:w-1}. */
    public static Map.Entry<String, EventEnvelope> keyed(EventEnvelope event) {
        return Map.entry(AggregateKey.of(event).value(), event);
    }

    public static Map.Entry<String, EventOutcome> keyed(EventOutcome outcome) {
        return Map.entry(outcome.getEventId(), outcome);
    }

    public static Map.Entry<String, JournalEntry> keyed(JournalEntry entry) {
        return Map.entry(entry.getEventId(), entry);
    }

    public static Map.Entry<String, SettlementRow> keyed(SettlementRow row) {
        return Map.entry(
                new SettlementKey(row.getMerchantId(), row.getBusinessDate(), row.getCurrency()).format(), row);
    }
}
