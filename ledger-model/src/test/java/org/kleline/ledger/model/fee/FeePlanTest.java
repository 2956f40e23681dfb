package org.kleline.ledger.model.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.validation.InvalidFieldException;

class FeePlanTest {

    @Test
    void ratesOfZeroToTenThousandBasisPointsAndFixedFeesUpToOneTrillionAreValid() {
        FeeSchedule plan = new FeeSchedule(0, 0, 10_000, 0, 1_000_000_000_000L, 10_000);
        assertThat(plan.microBps()).isEqualTo(10_000);
        assertThat(plan.chargebackFee()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void rateAboveTenThousandIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new FeeSchedule(10_001, 0, 0, 0, 0, 0))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("feePlan.cardBps must be 0..10000 basis points, was 10001");
        assertThatThrownBy(() -> new FeeSchedule(0, 0, -1, 0, 0, 0))
                .hasMessage("feePlan.microBps must be 0..10000 basis points, was -1");
        assertThatThrownBy(() -> new FeeSchedule(0, 0, 0, 0, 0, 10_001))
                .hasMessage("feePlan.partnerShareBps must be 0..10000 basis points, was 10001");
    }

    @Test
    void negativeOrHugeFixedFeeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new FeeSchedule(0, -1, 0, 0, 0, 0))
                .hasMessage("feePlan.cardFixed must be 0..1000000000000 minor units, was -1");
        assertThatThrownBy(() -> new FeeSchedule(0, 0, 0, -2, 0, 0))
                .hasMessage("feePlan.microFixed must be 0..1000000000000 minor units, was -2");
        assertThatThrownBy(() -> new FeeSchedule(0, 0, 0, 0, 1_000_000_000_001L, 0))
                .hasMessage("feePlan.chargebackFee must be 0..1000000000000 minor units, was 1000000000001");
    }

    @Test
    void avroFeePlanConvertsBothWays() {
        var avro = new org.kleline.ledger.events.FeePlan(150, 25L, 300, 5L, 1_500L, 2_000);
        FeeSchedule plan = FeeSchedule.fromAvro(avro);
        assertThat(plan).isEqualTo(new FeeSchedule(150, 25, 300, 5, 1_500, 2_000));
        assertThat(plan.toAvro()).isEqualTo(avro);
    }

    @Test
    void missingAvroFeePlanIsRefused() {
        assertThatThrownBy(() -> FeeSchedule.fromAvro(null)).hasMessage("feePlan is required, was null");
    }
}
