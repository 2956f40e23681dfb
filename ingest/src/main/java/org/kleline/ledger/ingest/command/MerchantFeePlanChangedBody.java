package org.kleline.ledger.ingest.command;

import java.time.Instant;
import org.kleline.ledger.events.MerchantFeePlanChanged;

/** {@code effectiveFrom}: an ISO-8601 instant or epoch milliseconds; absent means the event's occurredAt. */
public record MerchantFeePlanChangedBody(String merchantId, FeePlanBody feePlan, Instant effectiveFrom)
        implements PayloadBody {

    @Override
    public MerchantFeePlanChanged toAvro() {
        return MerchantFeePlanChanged.newBuilder()
                .setMerchantId(Fields.required(merchantId, "merchantId"))
                .setFeePlan(Fields.required(feePlan, "feePlan").toAvro("feePlan"))
                .setEffectiveFrom(Fields.millis(effectiveFrom))
                .build();
    }
}
