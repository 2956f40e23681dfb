package org.kleline.ledger.model.wallet;

import java.util.Objects;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.money.RequestedAmount;

/**
 * A wallet that exists (an accepted WalletOpened): its currency, its balance (what the
 * platform owes the customer) and the most it may hold. {@code 0 <= balance <= maxBalance}.
 *
 * @param walletId        the wallet
 * @param currency        its one currency
 * @param balanceMinor    the balance of account {@code wallet:{walletId}}
 * @param maxBalanceMinor the highest balance allowed, 1..1e12
 */
public record WalletState(WalletId walletId, CurrencyCode currency, long balanceMinor, long maxBalanceMinor) {

    public WalletState {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(currency, "currency");
        RequestedAmount.require("maxBalance", maxBalanceMinor);
        if (balanceMinor < 0 || balanceMinor > maxBalanceMinor) {
            throw new IllegalArgumentException(
                    "wallet " + walletId + " balance must be 0.." + maxBalanceMinor + ", was " + balanceMinor);
        }
    }

    /** A wallet just opened: balance 0. */
    public static WalletState opened(WalletId walletId, CurrencyCode currency, long maxBalanceMinor) {
        return new WalletState(walletId, currency, 0, maxBalanceMinor);
    }

    public WalletState withBalance(long newBalanceMinor) {
        return new WalletState(walletId, currency, newBalanceMinor, maxBalanceMinor);
    }

    public AccountId account() {
        return AccountId.wallet(walletId);
    }
}
