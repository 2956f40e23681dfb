package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.BalanceTotalsMath;

/**
 * One currency of an account: {@code balance = credits - debits}, credits and debits both >= 0, all
 * in minor units. An element of {@code GET /v1/accounts/{accountId}/balances}.
 */
@JsonPropertyOrder({"currency", "balance", "credits", "debits"})
public record BalanceBody(String currency, long balance, long credits, long debits) {

    public BalanceBody {
        Objects.requireNonNull(currency, "currency");
        if (credits < 0 || debits < 0) {
            throw new IllegalArgumentException("credits and debits must be >= 0, were " + credits + " and " + debits);
        }
        if (balance != Math.subtractExact(credits, debits)) {
            throw new IllegalArgumentException(
                    "balance must be credits - debits = " + (credits - debits) + ", was " + balance);
        }
    }

    public static BalanceBody of(String currency, BalanceTotals totals) {
        return new BalanceBody(currency, BalanceTotalsMath.balance(totals), totals.getCredits(), totals.getDebits());
    }
}
