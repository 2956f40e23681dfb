package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.CardPaymentCaptured;

record CardPaymentCapturedBody(String paymentId, Long amount) implements PayloadBody {

    @Override
    public CardPaymentCaptured toAvro() {
        return CardPaymentCaptured.newBuilder()
                .setPaymentId(Fields.required(paymentId, "paymentId"))
                .setAmount(Fields.required(amount, "amount"))
                .build();
    }
}
