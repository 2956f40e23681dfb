package org.kleline.ledger.model.replay;

import java.util.Objects;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * One balance of the ledger: an account in one currency.
 *
 * @param account  the account
 * @param currency the currency
 */
public record AccountCurrency(AccountId account, CurrencyCode currency) {

    public AccountCurrency {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
    }
}
