package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.projector.views.AccountKeys;
import org.kleline.ledger.projector.views.BalanceTotals;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.local.LocalStores;

/** One account's balance in one known currency: one key of the balances store ({@code account|currency}). */
public record BalanceRead(String account, String currency) implements KeyRead<BalanceBody> {

    public BalanceRead {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
    }

    @Override
    public String store() {
        return StoreNames.BALANCES;
    }

    @Override
    public String key() {
        return AccountKeys.balance(account, currency);
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructType(BalanceBody.class);
    }

    @Override
    public BalanceBody readLocally(LocalStores stores, Set<Integer> partitions) {
        BalanceTotals totals = stores.get(store(), KeyRead.onlyPartition(partitions), key());
        return totals == null ? null : BalanceBody.of(currency, totals);
    }
}
