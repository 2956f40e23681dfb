package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.MerchantOnboarded;

record MerchantOnboardedBody(String merchantId, String name, String partnerId, String currency, FeePlanBody feePlan)
        implements PayloadBody {

    @Override
    public MerchantOnboarded toAvro() {
        return MerchantOnboarded.newBuilder()
                .setMerchantId(Fields.required(merchantId, "merchantId"))
                .setName(Fields.required(name, "name"))
                .setPartnerId(partnerId)
                .setCurrency(Fields.required(currency, "currency"))
                .setFeePlan(Fields.required(feePlan, "feePlan").toAvro("feePlan"))
                .build();
    }
}
