package org.kleline.ledger.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.fixtures.SettlementRows;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

class DailySettlementTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 27);
    private static final SettlementKey KEY = new SettlementKey(new MerchantId("m-1"), D, CurrencyCode.of("EUR"));

    /** A capture of 10000 (fee 175, commission 35), a micropayment of 1000 (35, 7), a refund, a chargeback. */
    private static DailySettlement dayOfSales() {
        return DailySettlement.empty(KEY)
                .apply(SettlementEffect.payment(KEY, 10_000, 175, 35))
                .apply(SettlementEffect.payment(KEY, 1_000, 35, 7))
                .apply(SettlementEffect.refund(KEY, 4_000))
                .apply(SettlementEffect.chargeback(KEY, 3_000, 1_500));
    }

    @Test
    void effectsAddUpIntoTheRow() {
        DailySettlement row = dayOfSales();
        assertThat(row.count()).isEqualTo(2);
        assertThat(row.gross()).isEqualTo(11_000);
        assertThat(row.refunds()).isEqualTo(4_000);
        assertThat(row.chargebacks()).isEqualTo(3_000);
        assertThat(row.fees()).isEqualTo(1_710);
        assertThat(row.commission()).isEqualTo(42);
        assertThat(row.paidOut()).isZero();
        assertThat(row.payouts()).isZero();
    }

    @Test
    void netIsGrossLessRefundsChargebacksAndFees() {
        assertThat(dayOfSales().net()).isEqualTo(11_000 - 4_000 - 3_000 - 1_710).isEqualTo(2_290);
    }

    @Test
    void rowWithNetDueIsOpenUntilPaidOutInFull() {
        DailySettlement row = dayOfSales();
        assertThat(row.status()).isEqualTo(SettlementStatus.OPEN);
        assertThat(row.due()).isEqualTo(2_290);
        DailySettlement partly = row.apply(SettlementEffect.payout(KEY, 2_000));
        assertThat(partly.status()).isEqualTo(SettlementStatus.OPEN);
        assertThat(partly.due()).isEqualTo(290);
        DailySettlement paid = partly.apply(SettlementEffect.payout(KEY, 290));
        assertThat(paid.status()).isEqualTo(SettlementStatus.PAID);
        assertThat(paid.paidOut()).isEqualTo(2_290);
        assertThat(paid.payouts()).isEqualTo(2);
        assertThat(paid.due()).isZero();
    }

    @Test
    void paidOutBeyondNetIsStillPaid() {
        DailySettlement row = dayOfSales().apply(SettlementEffect.payout(KEY, 5_000));
        assertThat(row.status()).isEqualTo(SettlementStatus.PAID);
        assertThat(row.due()).isEqualTo(-2_710);
    }

    @Test
    void payoutAloneMakesARowOfZeroSumsThatIsOpen() {
        DailySettlement row = DailySettlement.empty(KEY).apply(SettlementEffect.payout(KEY, 700));
        assertThat(row.count()).isZero();
        assertThat(row.gross()).isZero();
        assertThat(row.net()).isZero();
        assertThat(row.paidOut()).isEqualTo(700);
        assertThat(row.payouts()).isEqualTo(1);
        assertThat(row.status()).isEqualTo(SettlementStatus.OPEN);
    }

    @Test
    void negativeNetIsOpen() {
        DailySettlement row = DailySettlement.empty(KEY).apply(SettlementEffect.refund(KEY, 500));
        assertThat(row.net()).isEqualTo(-500);
        assertThat(row.status()).isEqualTo(SettlementStatus.OPEN);
    }

    @Test
    void effectOfAnotherRowIsRefused() {
        SettlementKey otherDay = new SettlementKey(KEY.merchantId(), D.plusDays(1), KEY.currency());
        assertThatThrownBy(() -> DailySettlement.empty(KEY).apply(SettlementEffect.refund(otherDay, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("effect on SettlementKey[merchantId=m-1, businessDate=2026-11-28");
    }

    @Test
    void rowConvertsToTheAvroSettlementRowAndBack() {
        DailySettlement row = dayOfSales().apply(SettlementEffect.payout(KEY, 2_290));
        SettlementRow avro = row.toAvro();
        assertThat(avro).isEqualTo(SettlementRows.dayOfSales(2_290L, 1, SettlementStatus.PAID));
        assertThat(DailySettlement.fromAvro(avro)).isEqualTo(row);
    }

    @Test
    void avroRowWhoseNetDisagreesWithItsSumsIsRefused() {
        SettlementRow avro = dayOfSales().toAvro();
        avro.setNet(1L);
        assertThatThrownBy(() -> DailySettlement.fromAvro(avro))
                .hasMessageContaining("carries net 1 and status OPEN but its sums give net 2290 and status OPEN");
    }

    private static final long MAX = Long.MAX_VALUE;

    @Test
    void aSumThatWouldPassTheRangeOfALongStopsThereAndTheRowIsOutOfRange() {
        DailySettlement nearlyFull = new DailySettlement(KEY, 3, MAX - 100, 0, 0, 10, 2, 0, 0);
        assertThat(nearlyFull.inRange()).isTrue();

        DailySettlement full = nearlyFull.apply(SettlementEffect.payment(KEY, 1_000, 50, 10));

        assertThat(full.gross()).isEqualTo(MAX);
        assertThat(full.count()).isEqualTo(4);
        assertThat(full.fees()).isEqualTo(60);
        assertThat(full.commission()).isEqualTo(12);
        assertThat(full.inRange()).isFalse();
        assertThat(full.apply(SettlementEffect.refund(KEY, 7)).gross()).isEqualTo(MAX);
        assertThat(full.apply(SettlementEffect.refund(KEY, 7)).refunds()).isEqualTo(7);
        assertThat(full.apply(SettlementEffect.refund(KEY, 7)).inRange()).isFalse();
    }

    @Test
    void aRowOutOfRangeIsTheSameWhateverTheOrderItsEffectsArriveIn() {
        DailySettlement seed = new DailySettlement(KEY, 0, MAX - 100, MAX - 5, 0, 0, 0, 0, 0);
        SettlementEffect a = SettlementEffect.payment(KEY, 60, 3, 1);
        SettlementEffect b = SettlementEffect.payment(KEY, 70, 4, 1);
        SettlementEffect c = SettlementEffect.refund(KEY, 9);
        SettlementEffect d = SettlementEffect.chargeback(KEY, 2, 1_500);

        DailySettlement abcd = seed.apply(a).apply(b).apply(c).apply(d);
        DailySettlement dcba = seed.apply(d).apply(c).apply(b).apply(a);
        DailySettlement cadb = seed.apply(c).apply(a).apply(d).apply(b);

        assertThat(abcd).isEqualTo(dcba).isEqualTo(cadb);
        assertThat(abcd).isEqualTo(new DailySettlement(KEY, 2, MAX, MAX, 2, 1_507, 2, 0, 0));
        assertThat(abcd.net()).isEqualTo(MAX - MAX - 2 - 1_507);
    }

    @Test
    void netAndDueStopAtTheLowestLongAndSuchARowIsOutOfRange() {
        DailySettlement refunded = DailySettlement.empty(KEY)
                .apply(SettlementEffect.refund(KEY, MAX - 1))
                .apply(SettlementEffect.chargeback(KEY, 1, 0));
        assertThat(refunded.net()).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(refunded.inRange()).isTrue();

        DailySettlement beyond = refunded.apply(SettlementEffect.chargeback(KEY, 1, 5));
        assertThat(beyond.net()).isEqualTo(Long.MIN_VALUE);
        assertThat(beyond.due()).isEqualTo(Long.MIN_VALUE);
        assertThat(beyond.status()).isEqualTo(SettlementStatus.OPEN);
        assertThat(beyond.inRange()).isFalse();

        DailySettlement paidBeyond = DailySettlement.empty(KEY)
                .apply(SettlementEffect.payout(KEY, MAX - 100))
                .apply(SettlementEffect.refund(KEY, 1_000));
        assertThat(paidBeyond.net()).isEqualTo(-1_000);
        assertThat(paidBeyond.due()).isEqualTo(Long.MIN_VALUE);
        assertThat(paidBeyond.inRange()).isFalse();
    }

    @Test
    void aRowOutOfRangeGoesToAvroAndBack() {
        DailySettlement beyond = DailySettlement.empty(KEY)
                .apply(SettlementEffect.payout(KEY, MAX - 100))
                .apply(SettlementEffect.refund(KEY, 1_000))
                .apply(SettlementEffect.payout(KEY, 500));
        assertThat(beyond.paidOut()).isEqualTo(MAX);
        assertThat(beyond.payouts()).isEqualTo(2);

        SettlementRow avro = beyond.toAvro();

        assertThat(avro.getNet()).isEqualTo(-1_000L);
        assertThat(DailySettlement.fromAvro(avro)).isEqualTo(beyond);
    }
}
