package org.kleline.ledger.projector.read;

/** Adding a posting to credits and debits; overflow fails rather than wraps. */
public final class BalanceTotalsMath {

    private BalanceTotalsMath() {}

    public static BalanceTotals zero() {
        return new BalanceTotals(0L, 0L, 0L);
    }

    public static BalanceTotals orZero(BalanceTotals totals) {
        return totals == null ? zero() : totals;
    }

    public static BalanceTotals plus(BalanceTotals totals, long amountMinor) {
        BalanceTotals base = totals == null ? zero() : totals;
        if (amountMinor >= 0) {
            return new BalanceTotals(
                    Math.addExact(base.getCredits(), amountMinor), base.getDebits(), base.getEntries() + 1);
        }
        return new BalanceTotals(
                base.getCredits(), Math.subtractExact(base.getDebits(), amountMinor), base.getEntries() + 1);
    }

    public static BalanceTotals plus(BalanceTotals a, BalanceTotals b) {
        return new BalanceTotals(
                Math.addExact(a.getCredits(), b.getCredits()),
                Math.addExact(a.getDebits(), b.getDebits()),
                a.getEntries() + b.getEntries());
    }

    public static long balance(BalanceTotals totals) {
        return Math.subtractExact(totals.getCredits(), totals.getDebits());
    }
}
