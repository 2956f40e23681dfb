package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.CardPaymentRefunded;

record CardPaymentRefundedBody(String paymentId, Long amount) implements PayloadBody {

    @Override
    public CardPaymentRefunded toAvro() {
        return CardPaymentRefunded.newBuilder()
                .setPaymentId(Fields.required(paymentId, "paymentId"))
                .setAmount(Fields.required(amount, "amount"))
                .build();
    }
}
