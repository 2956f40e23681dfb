package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.FeePlan;

/** A fee plan as JSON: rates in basis points, fixed amounts in minor units. */
record FeePlanBody(
        Integer cardBps,
        Long cardFixed,
        Integer microBps,
        Long microFixed,
        Long chargebackFee,
        Integer partnerShareBps) {

    FeePlan toAvro(String at) {
        return FeePlan.newBuilder()
                .setCardBps(Fields.required(cardBps, at + ".cardBps"))
                .setCardFixed(Fields.required(cardFixed, at + ".cardFixed"))
                .setMicroBps(Fields.required(microBps, at + ".microBps"))
                .setMicroFixed(Fields.required(microFixed, at + ".microFixed"))
                .setChargebackFee(Fields.required(chargebackFee, at + ".chargebackFee"))
                .setPartnerShareBps(Fields.required(partnerShareBps, at + ".partnerShareBps"))
                .build();
    }
}
