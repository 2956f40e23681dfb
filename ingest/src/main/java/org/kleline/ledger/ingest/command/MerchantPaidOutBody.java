package org.kleline.ledger.ingest.command;

import java.time.LocalDate;
import org.kleline.ledger.events.MerchantPaidOut;

/** {@code businessDate} is {@code YYYY-MM-DD}. */
record MerchantPaidOutBody(String merchantId, String payoutId, LocalDate businessDate, Long amount)
        implements PayloadBody {

    @Override
    public MerchantPaidOut toAvro() {
        return MerchantPaidOut.newBuilder()
                .setMerchantId(Fields.required(merchantId, "merchantId"))
                .setPayoutId(Fields.required(payoutId, "payoutId"))
                .setBusinessDate(Fields.required(businessDate, "businessDate"))
                .setAmount(Fields.required(amount, "amount"))
                .build();
    }
}
