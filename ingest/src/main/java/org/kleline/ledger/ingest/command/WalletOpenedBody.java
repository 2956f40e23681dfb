package org.kleline.ledger.ingest.command;

import org.kleline.ledger.events.WalletOpened;

/** {@code maxBalance} defaults to 15000 minor units (docs/domain.md). */
record WalletOpenedBody(String walletId, String currency, Long maxBalance) implements PayloadBody {

    public static final long DEFAULT_MAX_BALANCE = 15_000L;

    @Override
    public WalletOpened toAvro() {
        return WalletOpened.newBuilder()
                .setWalletId(Fields.required(walletId, "walletId"))
                .setCurrency(Fields.required(currency, "currency"))
                .setMaxBalance(maxBalance == null ? DEFAULT_MAX_BALANCE : maxBalance)
                .build();
    }
}
