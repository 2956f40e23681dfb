package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.kleline.ledger.model.fee.FeeSchedule;

/** A fee plan as the write API takes it: bps values and fixed amounts in minor units. */
@JsonPropertyOrder({"cardBps", "cardFixed", "microBps", "microFixed", "chargebackFee", "partnerShareBps"})
public record FeePlanAnswer(
        int cardBps, long cardFixed, int microBps, long microFixed, long chargebackFee, int partnerShareBps) {

    public static FeePlanAnswer of(FeeSchedule p) {
        return new FeePlanAnswer(
                p.cardBps(), p.cardFixed(), p.microBps(), p.microFixed(), p.chargebackFee(), p.partnerShareBps());
    }
}
