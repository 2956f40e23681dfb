package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.CardPaymentChargedBack;

record CardPaymentChargedBackBody(String paymentId, Long amount, String reasonCode) implements PayloadBody {

    @Override
    public CardPaymentChargedBack toAvro() {
        return CardPaymentChargedBack.newBuilder()
                .setPaymentId(Fields.required(paymentId, "paymentId"))
                .setAmount(Fields.required(amount, "amount"))
                .setReasonCode(Fields.required(reasonCode, "reasonCode"))
                .build();
    }
}
