package org.kleline.ledger.cli.settle;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kleline.ledger.cli.money.MinorUnits;

/** How many payouts a settle command made, and their total per currency (minor units, overflow fails). */
final class PayoutTally {

    private long count;
    private final Map<String, Long> totals = new TreeMap<>();

    void add(String currency, long amountMinor) {
        count++;
        totals.merge(currency, amountMinor, Math::addExact);
    }

    /** {@code 3 payouts, total 12.00 EUR, 500 JPY}, or {@code 0 payouts (nothing was due)}. */
    @Override
    public String toString() {
        if (count == 0) {
            return "0 payouts (nothing was due)";
        }
        StringBuilder total = new StringBuilder();
        totals.forEach((currency, amount) ->
                total.append(total.length() == 0 ? "" : ", ").append(MinorUnits.withCurrency(amount, currency)));
        return String.format(Locale.ROOT, "%,d payout%s, total %s", count, count == 1 ? "" : "s", total);
    }
}
