package org.kleline.ledger.query.reads;

import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.WalletRecord;
import org.kleline.ledger.query.body.WalletBody;
import org.kleline.ledger.query.local.LocalStores;

/** A wallet, from the decide stage's store (keyed like ledger.events: {@code wallet:{walletId}}). */
@AnsweredFrom(StoreNames.WALLETS)
public record WalletRead(String walletId) implements KeyRead<WalletBody> {

    public WalletRead {
        Objects.requireNonNull(walletId, "walletId");
    }

    @Override
    public String key() {
        return AggregateKey.wallet(walletId).value();
    }

    @Override
    public WalletBody readLocally(LocalStores stores, Set<Integer> partitions) {
        WalletRecord wallet = stores.get(store(), KeyRead.onlyPartition(partitions), key());
        return wallet == null ? null : WalletBody.of(wallet);
    }
}
