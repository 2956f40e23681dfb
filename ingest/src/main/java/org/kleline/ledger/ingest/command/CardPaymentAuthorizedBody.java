package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.CardPaymentAuthorized;

record CardPaymentAuthorizedBody(String paymentId, String merchantId, Long amount, String currency)
        implements PayloadBody {

    @Override
    public CardPaymentAuthorized toAvro() {
        return CardPaymentAuthorized.newBuilder()
                .setPaymentId(Fields.required(paymentId, "paymentId"))
                .setMerchantId(Fields.required(merchantId, "merchantId"))
                .setAmount(Fields.required(amount, "amount"))
                .setCurrency(Fields.required(currency, "currency"))
                .build();
    }
}
