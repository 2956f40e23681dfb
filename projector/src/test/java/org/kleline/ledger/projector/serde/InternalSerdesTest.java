package org.kleline.ledger.projector.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.projector.decide.DecideStores;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.CardPaymentRecord;
import org.kleline.ledger.projector.read.FeePlanVersionRecord;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.WalletRecord;
import org.kleline.ledger.projector.settlement.SettlementDelta;
import org.kleline.ledger.projector.settlement.SettlementStores;
import org.kleline.ledger.projector.views.ViewStores;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

class InternalSerdesTest {

    static final long MIN = Long.MIN_VALUE;
    static final long MAX = Long.MAX_VALUE;
    static final String UNICODE = "wallet:Ünïcødé-€-日本-😀";

    static <T> T roundTrip(CompactSerde<T> serde, T value) {
        byte[] bytes = serde.serialize("any-topic", value);
        assertThat(bytes[0]).isEqualTo(CompactSerde.FORMAT_VERSION);
        return serde.deserialize("any-topic", bytes);
    }

    @Test
    void walletRecordKeepsEveryFigureExactlyIncludingTheLongBounds() {
        for (long balance : new long[] {0, 1, -1, 63, 64, -64, -65, 15_000, 1_000_000_000_000L, MIN, MAX}) {
            WalletRecord w = new WalletRecord("w-" + balance, "EUR", balance, MAX - 1);
            WalletRecord back = roundTrip(DecideStores.WALLET, w);
            assertThat(back).isEqualTo(w);
            assertThat(back.getBalance()).isEqualTo(balance);
            assertThat(back.getMaxBalance()).isEqualTo(MAX - 1);
        }
    }

    @Test
    void emptyAndUnicodeStringsSurvive() {
        WalletRecord w = new WalletRecord("", UNICODE, MIN, MAX);
        assertThat(roundTrip(DecideStores.WALLET, w)).isEqualTo(w);
        AccountEntry e = new AccountEntry(UNICODE, "", MIN, MAX);
        assertThat(roundTrip(ViewStores.ACCOUNT_ENTRY, e)).isEqualTo(e);
    }

    @Test
    void cardPaymentRecordRoundTrips() {
        CardPaymentRecord p = new CardPaymentRecord(
                "pay-1", "m-1", "JPY", 1_000_000_000_000L, 999_999_999_999L, 12L, 0L, "PARTIALLY_REFUNDED");
        assertThat(roundTrip(DecideStores.CARD_PAYMENT, p)).isEqualTo(p);
    }

    @Test
    void merchantRecordKeepsEveryFeePlanInOrderAndAnAbsentPartner() {
        List<FeePlanVersionRecord> plans = List.of(
                new FeePlanVersionRecord(MIN, 0, 0L, 10_000, MAX, 0L, 10_000),
                new FeePlanVersionRecord(1_700_000_000_000L, 250, 30L, 100, 1L, 1_500L, 2_000));
        MerchantRecord withPartner = new MerchantRecord("m-1", "Café Ünïcødé", "p-1", "EUR", 1_699_999_999_999L, plans);
        MerchantRecord noPartner = new MerchantRecord("m-2", "", null, "EUR", -1L, List.of());
        assertThat(roundTrip(DecideStores.MERCHANT, withPartner)).isEqualTo(withPartner);
        MerchantRecord back = roundTrip(DecideStores.MERCHANT, noPartner);
        assertThat(back).isEqualTo(noPartner);
        assertThat(back.getPartnerId()).isNull();
        assertThat(back.getFeePlans()).isEmpty();
    }

    @Test
    void balanceTotalsRoundTrip() {
        BalanceTotals t = new BalanceTotals(MAX, MAX, MAX);
        assertThat(roundTrip(ViewStores.BALANCE_TOTALS, t)).isEqualTo(t);
        BalanceTotals zero = new BalanceTotals(0L, 0L, 0L);
        assertThat(roundTrip(ViewStores.BALANCE_TOTALS, zero)).isEqualTo(zero);
        assertThat(ViewStores.BALANCE_TOTALS.toBytes(zero)).containsExactly(CompactSerde.FORMAT_VERSION, 0, 0, 0);
    }

    @Test
    void settlementDeltaAndRowRoundTripWithDates() {
        for (LocalDate date : new LocalDate[] {
            LocalDate.of(1999, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31), LocalDate.of(2999, 1, 1)
        }) {
            SettlementDelta d = new SettlementDelta(
                    "m-1", date, "EUR", 1L, 2L, 3L, 4L, 5L, 6L, MAX, Integer.MAX_VALUE, "po-m-1-1999-12-31-12");
            assertThat(roundTrip(SettlementStores.SETTLEMENT_DELTA, d)).isEqualTo(d);
            SettlementRow r = new SettlementRow(
                    "m-1", date, "EUR", 3L, 1_000L, 10L, 20L, 30L, 5L, 940L, MIN, 0, SettlementStatus.OPEN);
            assertThat(roundTrip(InternalSerdes.SETTLEMENT_ROW, r)).isEqualTo(r);
        }
        for (SettlementStatus s : SettlementStatus.values()) {
            SettlementRow r =
                    new SettlementRow("m", LocalDate.of(2000, 1, 1), "EUR", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0, s);
            assertThat(roundTrip(InternalSerdes.SETTLEMENT_ROW, r).getStatus()).isEqualTo(s);
        }
    }

    /** An outcome as the decide stage writes it, without who appended the event or its digest. */
    static EventOutcome outcome(
            String eventId,
            String key,
            EventType type,
            long occurredAtMs,
            Outcome outcome,
            RejectionReason reason,
            List<Posting> postings) {
        return new EventOutcome(
                eventId, key, type, Instant.ofEpochMilli(occurredAtMs), outcome, reason, postings, null, null);
    }

    @Test
    void eventOutcomeKeepsEveryEnumValueAndItsPostings() {
        for (EventType type : EventType.values()) {
            for (Outcome outcome : Outcome.values()) {
                EventOutcome o = outcome("e-" + type, "wallet:w", type, -5L, outcome, null, List.of());
                assertThat(roundTrip(InternalSerdes.EVENT_OUTCOME, o)).isEqualTo(o);
            }
        }
        for (RejectionReason reason : RejectionReason.values()) {
            EventOutcome o = outcome(
                    "e",
                    "payment:p",
                    EventType.CardPaymentCaptured,
                    1_700_000_000_123L,
                    Outcome.REJECTED,
                    reason,
                    List.of());
            assertThat(roundTrip(InternalSerdes.EVENT_OUTCOME, o).getReason()).isEqualTo(reason);
        }
        List<Posting> postings = List.of(
                new Posting("wallet:w", "EUR", -250L),
                new Posting("merchant:m", "EUR", 240L),
                new Posting("platform:fees", "EUR", 10L));
        EventOutcome accepted = outcome(
                UNICODE,
                "wallet:w",
                EventType.MicropaymentRequested,
                1_700_000_000_123L,
                Outcome.ACCEPTED,
                null,
                postings);
        assertThat(roundTrip(InternalSerdes.EVENT_OUTCOME, accepted)).isEqualTo(accepted);
    }

    @Test
    void anOutcomeKeepsWhoAppendedItAndItsDigestAndOneWrittenBeforeThemReadsThemAsNull() {
        EventOutcome without =
                outcome("e", "wallet:w", EventType.WalletToppedUp, 7L, Outcome.ACCEPTED, null, List.of());
        EventOutcome outcome =
                outcome("e", "wallet:w", EventType.WalletToppedUp, 7L, Outcome.ACCEPTED, null, List.of());
        outcome.setAppendedBy("k0000000001a");
        outcome.setPayloadSha256("digest");
        assertThat(roundTrip(InternalSerdes.EVENT_OUTCOME, outcome)).isEqualTo(outcome);

        byte[] bytes = InternalSerdes.EVENT_OUTCOME.toBytes(without);
        // The bytes an earlier build wrote: the same, without the two trailing optional strings (0, 0).
        byte[] earlier = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        assertThat(InternalSerdes.EVENT_OUTCOME.fromBytes(earlier)).isEqualTo(without);
    }

    @Test
    void nullValueIsATombstoneBothWays() {
        assertThat(DecideStores.WALLET.serialize("t", null)).isNull();
        assertThat(DecideStores.WALLET.deserialize("t", null)).isNull();
    }

    @Test
    void anUnknownFormatVersionIsRefusedByName() {
        byte[] bytes = ViewStores.BALANCE_TOTALS.toBytes(new BalanceTotals(1L, 2L, 3L));
        bytes[0] = 3;
        assertThatThrownBy(() -> ViewStores.BALANCE_TOTALS.fromBytes(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read BalanceTotals: format version 3, this build reads only version 2");
        bytes[0] = 1;
        assertThatThrownBy(() -> ViewStores.BALANCE_TOTALS.fromBytes(bytes))
                .hasMessageContaining("format version 1")
                .hasMessageContaining("Avro format of earlier builds");
        assertThatThrownBy(() -> ViewStores.BALANCE_TOTALS.fromBytes(new byte[0]))
                .hasMessageContaining("format version missing");
    }

    @Test
    void truncatedOrTrailingBytesAreRefusedNamingTheField() {
        byte[] full = DecideStores.WALLET.toBytes(new WalletRecord("w1", "EUR", 100L, 15_000L));
        assertThatThrownBy(() -> DecideStores.WALLET.fromBytes(Arrays.copyOf(full, full.length - 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read WalletRecord")
                .hasMessageContaining("maxBalance: value truncated");
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertThatThrownBy(() -> DecideStores.WALLET.fromBytes(longer))
                .hasMessageContaining("1 trailing bytes after the value");
        byte[] badLength = full.clone();
        badLength[1] = 100;
        assertThatThrownBy(() -> DecideStores.WALLET.fromBytes(badLength))
                .hasMessageContaining("walletId: string length 50");
    }

    @Test
    void anOutOfRangeEnumIsRefused() {
        byte[] bytes = InternalSerdes.SETTLEMENT_ROW.toBytes(new SettlementRow(
                "m", LocalDate.of(2000, 1, 1), "EUR", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0, SettlementStatus.PAID));
        bytes[bytes.length - 1] = 40;
        assertThatThrownBy(() -> InternalSerdes.SETTLEMENT_ROW.fromBytes(bytes))
                .hasMessageContaining("status: ordinal 20 out of 0..1");
    }

    @Test
    void aMissingRequiredStringIsRefusedOnWrite() {
        assertThatThrownBy(() -> DecideStores.WALLET.toBytes(new WalletRecord(null, "EUR", 0L, 0L)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("walletId must not be null");
    }
}
