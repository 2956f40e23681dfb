package org.kleline.ledger.model.fee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeesTest {

    @ParameterizedTest(name = "{4}: fee({0}, {1} bps, fixed {2}) = {3}")
    @CsvSource({
        "10000, 250, 30, 280, the rounded rate plus the fixed part",
        "10000, 150, 25, 175, the rounded rate plus the fixed part",
        "50, 100, 0, 0, rounds half to even",
        "150, 100, 0, 2, rounds half to even",
        "250, 100, 0, 2, rounds half to even",
        "350, 100, 0, 4, rounds half to even",
        "100, 500, 200, 100, capped at the amount",
        "100, 10000, 1, 100, capped at the amount",
        "100, 0, 9223372036854775807, 100, capped at the amount",
        "1000000000000, 10000, 0, 1000000000000, the largest amount at the full rate costs it all",
    })
    void feeIsTheRoundedRatePlusTheFixedPartCappedAtTheAmount(
            long amount, int bps, long fixed, long expected, String rule) {
        assertThat(Fees.fee(amount, bps, fixed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "commission({0}, {1} bps) = {2}")
    @CsvSource({"280, 2000, 56", "5, 5000, 2", "7, 5000, 4", "0, 10000, 0"})
    void commissionIsTheRoundedPartnerShareOfTheFee(long fee, int shareBps, long expected) {
        assertThat(Fees.commission(fee, shareBps)).isEqualTo(expected);
    }

    @Test
    void feePlanPricesCardAndMicroPaymentsWithTheirOwnRates() {
        FeeSchedule plan = new FeeSchedule(150, 25, 300, 5, 1_500, 2_000);
        assertThat(plan.cardFee(10_000)).isEqualTo(175);
        assertThat(plan.microFee(1_000)).isEqualTo(35);
        assertThat(plan.partnerCommission(175)).isEqualTo(35);
    }
}
