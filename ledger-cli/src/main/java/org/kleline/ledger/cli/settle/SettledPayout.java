package org.kleline.ledger.cli.settle;

import java.util.Objects;

/**
 * One payout a settlement run made: {@code amount} minor units of the merchant's currency.
 *
 * @param merchantId the merchant paid
 * @param payoutId   {@code po-{merchantId}-{date}}, with {@code -{n}} for a date's later payouts
 * @param amount     the row's due, in minor units, > 0
 */
record SettledPayout(String merchantId, String payoutId, long amount) {

    public SettledPayout {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(payoutId, "payoutId");
        if (amount <= 0) {
            throw new IllegalArgumentException(
                    "payout " + payoutId + " of " + merchantId + " must be > 0, was " + amount);
        }
    }
}
