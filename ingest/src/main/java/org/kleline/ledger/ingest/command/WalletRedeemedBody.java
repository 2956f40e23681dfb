package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.WalletRedeemed;

record WalletRedeemedBody(String walletId, Long amount) implements PayloadBody {

    @Override
    public WalletRedeemed toAvro() {
        return WalletRedeemed.newBuilder()
                .setWalletId(Fields.required(walletId, "walletId"))
                .setAmount(Fields.required(amount, "amount"))
                .build();
    }
}
