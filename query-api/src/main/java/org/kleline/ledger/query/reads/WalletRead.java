package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.WalletRecord;
import org.kleline.ledger.query.body.WalletBody;
import org.kleline.ledger.query.local.LocalStores;

/** A wallet, from the decide stage's store (keyed like ledger.events: {@code wallet:{walletId}}). */
public record WalletRead(String walletId) implements KeyRead<WalletBody> {

    public WalletRead {
        Objects.requireNonNull(walletId, "walletId");
    }

    @Override
    public String store() {
        return StoreNames.WALLETS;
    }

    @Override
    public String key() {
        return AggregateKey.wallet(walletId).value();
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructType(WalletBody.class);
    }

    @Override
    public WalletBody readLocally(LocalStores stores, Set<Integer> partitions) {
        WalletRecord wallet = stores.get(store(), KeyRead.onlyPartition(partitions), key());
        return wallet == null ? null : WalletBody.of(wallet);
    }
}
