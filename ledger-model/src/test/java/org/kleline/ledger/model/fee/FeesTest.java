package org.kleline.ledger.model.fee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeesTest {

    @Test
    void feeIsTheRoundedRatePlusTheFixedPart() {
        assertThat(Fees.fee(10_000, 250, 30)).isEqualTo(280);
        assertThat(Fees.fee(10_000, 150, 25)).isEqualTo(175);
    }

    @Test
    void feeRoundsHalfToEven() {
        assertThat(Fees.fee(50, 100, 0)).isEqualTo(0);
        assertThat(Fees.fee(150, 100, 0)).isEqualTo(2);
        assertThat(Fees.fee(250, 100, 0)).isEqualTo(2);
        assertThat(Fees.fee(350, 100, 0)).isEqualTo(4);
    }

    @Test
    void feeIsCappedAtTheAmount() {
        assertThat(Fees.fee(100, 500, 200)).isEqualTo(100);
        assertThat(Fees.fee(100, 10_000, 1)).isEqualTo(100);
        assertThat(Fees.fee(100, 0, Long.MAX_VALUE)).isEqualTo(100);
    }

    @Test
    void largestAmountAtTheFullRateCostsItAll() {
        assertThat(Fees.fee(1_000_000_000_000L, 10_000, 0)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void commissionIsTheRoundedPartnerShareOfTheFee() {
        assertThat(Fees.commission(280, 2_000)).isEqualTo(56);
        assertThat(Fees.commission(5, 5_000)).isEqualTo(2);
        assertThat(Fees.commission(7, 5_000)).isEqualTo(4);
        assertThat(Fees.commission(0, 10_000)).isEqualTo(0);
    }

    @Test
    void feePlanPricesCardAndMicroPaymentsWithTheirOwnRates() {
        FeeSchedule plan = new FeeSchedule(150, 25, 300, 5, 1_500, 2_000);
        assertThat(plan.cardFee(10_000)).isEqualTo(175);
        assertThat(plan.microFee(1_000)).isEqualTo(35);
        assertThat(plan.partnerCommission(175)).isEqualTo(35);
    }
}
