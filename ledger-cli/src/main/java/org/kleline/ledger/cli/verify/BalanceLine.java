package org.kleline.ledger.cli.verify;

/**
 * One currency of an account's balances, as {@code GET /v1/accounts/{id}/balances} shows it and as
 * recomputed: {@code balance = credits - debits}, in minor units.
 */
record BalanceLine(String currency, long balance, long credits, long debits) {

    BalanceLine plus(long amountMinor) {
        return amountMinor >= 0
                ? new BalanceLine(
                        currency, Math.addExact(balance, amountMinor), Math.addExact(credits, amountMinor), debits)
                : new BalanceLine(
                        currency,
                        Math.addExact(balance, amountMinor),
                        credits,
                        Math.subtractExact(debits, amountMinor));
    }

    static BalanceLine zero(String currency) {
        return new BalanceLine(currency, 0, 0, 0);
    }
}
