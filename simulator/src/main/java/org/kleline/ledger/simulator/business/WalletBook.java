package org.kleline.ledger.simulator.business;

import java.util.Arrays;

/**
 * The customers' wallets opened so far, with the balance the ledger will compute for them: the
 * generator emits in log order and updates a balance exactly when it emits the event that moves
 * it, so it knows in advance which micropayment will be accepted and which refused for lack of
 * funds.
 */
public final class WalletBook {

    private static final int INITIAL_CAPACITY = 1_024;

    private long[] balances = new long[INITIAL_CAPACITY];
    private long[] maxBalances = new long[INITIAL_CAPACITY];
    private int opened;

    /** Opens the next wallet and returns its index. */
    public int open(long maxBalance) {
        if (opened == balances.length) {
            balances = Arrays.copyOf(balances, opened * 2);
            maxBalances = Arrays.copyOf(maxBalances, opened * 2);
        }
        maxBalances[opened] = maxBalance;
        return opened++;
    }

    public int opened() {
        return opened;
    }

    public long balance(int wallet) {
        return balances[check(wallet)];
    }

    public long maxBalance(int wallet) {
        return maxBalances[check(wallet)];
    }

    public void credit(int wallet, long amount) {
        long balance = balances[check(wallet)] + amount;
        if (balance > maxBalances[wallet]) {
            throw new IllegalStateException("wallet " + wallet + " would exceed its limit: " + balance);
        }
        balances[wallet] = balance;
    }

    public void debit(int wallet, long amount) {
        long balance = balances[check(wallet)] - amount;
        if (balance < 0) {
            throw new IllegalStateException("wallet " + wallet + " would go below zero: " + balance);
        }
        balances[wallet] = balance;
    }

    private int check(int wallet) {
        if (wallet < 0 || wallet >= opened) {
            throw new IllegalArgumentException("wallet " + wallet + " is not opened (" + opened + " are)");
        }
        return wallet;
    }
}
