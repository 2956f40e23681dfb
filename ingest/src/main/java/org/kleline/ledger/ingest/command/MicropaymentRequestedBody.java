package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.MicropaymentRequested;

record MicropaymentRequestedBody(String walletId, String merchantId, Long amount) implements PayloadBody {

    @Override
    public MicropaymentRequested toAvro() {
        return MicropaymentRequested.newBuilder()
                .setWalletId(Fields.required(walletId, "walletId"))
                .setMerchantId(Fields.required(merchantId, "merchantId"))
                .setAmount(Fields.required(amount, "amount"))
                .build();
    }
}
