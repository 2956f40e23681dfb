package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.projector.views.AccountHistory;
import org.kleline.ledger.projector.views.BalanceTotals;
import org.kleline.ledger.projector.views.HistoryNotKeptException;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.local.LocalStores;

/**
 * An account's balance in every currency it holds, now or as of an instant (the sums of the postings
 * with occurredAt <= asOf, from projector's {@link AccountHistory}).
 *
 * @param account the account id
 * @param asOfMs  epoch millis, or null for now
 */
public record AccountBalancesRead(String account, Long asOfMs) implements PartitionRead<AccountBalancesPart> {

    public AccountBalancesRead {
        Objects.requireNonNull(account, "account");
    }

    @Override
    public String store() {
        return StoreNames.BALANCES;
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructType(AccountBalancesPart.class);
    }

    @Override
    public AccountBalancesPart readLocally(LocalStores stores, Set<Integer> partitions) {
        List<BalanceBody> balances = new ArrayList<>();
        boolean hasPostings = false;
        Long refusedBefore = null;
        for (int partition : partitions) {
            Map<String, BalanceTotals> current = AccountCurrencies.in(stores, partition, account);
            hasPostings |= !current.isEmpty();
            if (asOfMs == null) {
                current.forEach((currency, totals) -> balances.add(BalanceBody.of(currency, totals)));
                continue;
            }
            AccountHistory history = current.isEmpty() ? null : stores.history(partition);
            for (String currency : current.keySet()) {
                try {
                    BalanceTotals then = history.asOf(account, currency, asOfMs);
                    if (then.getEntries() > 0) {
                        balances.add(BalanceBody.of(currency, then));
                    }
                } catch (HistoryNotKeptException e) {
                    refusedBefore = refusedBefore == null ? e.keptFromMs() : Math.max(refusedBefore, e.keptFromMs());
                }
            }
        }
        return new AccountBalancesPart(balances, hasPostings, refusedBefore);
    }
}
