package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.WalletToppedUp;

record WalletToppedUpBody(String walletId, Long amount) implements PayloadBody {

    @Override
    public WalletToppedUp toAvro() {
        return WalletToppedUp.newBuilder()
                .setWalletId(Fields.required(walletId, "walletId"))
                .setAmount(Fields.required(amount, "amount"))
                .build();
    }
}
