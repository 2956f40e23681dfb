package org.kleline.ledger.model.settlement;

import java.util.Objects;

/**
 * What one accepted event adds to one settlement row. All figures are >= 0; the row's
 * {@code net} and {@code status} follow from them ({@link DailySettlement}).
 *
 * @param key         the row touched
 * @param count       captures and micropayments (0 or 1)
 * @param gross       their amounts
 * @param refunds     refunded amounts
 * @param chargebacks charged back amounts
 * @param fees        card and micro fees plus chargeback fees
 * @param commission  the partner's part of those fees (already inside {@code fees})
 * @param paidOut     amounts paid out for this business date
 * @param payouts     count of payouts for this business date (0 or 1)
 */
public record SettlementEffect(
        SettlementKey key,
        long count,
        long gross,
        long refunds,
        long chargebacks,
        long fees,
        long commission,
        long paidOut,
        int payouts) {

    public SettlementEffect {
        Objects.requireNonNull(key, "key");
        requireNonNegative("count", count);
        requireNonNegative("gross", gross);
        requireNonNegative("refunds", refunds);
        requireNonNegative("chargebacks", chargebacks);
        requireNonNegative("fees", fees);
        requireNonNegative("commission", commission);
        requireNonNegative("paidOut", paidOut);
        requireNonNegative("payouts", payouts);
        if (commission > fees) {
            throw new IllegalArgumentException("commission " + commission + " exceeds fees " + fees);
        }
    }

    /** An accepted capture or micropayment. */
    public static SettlementEffect payment(SettlementKey key, long amountMinor, long feeMinor, long commissionMinor) {
        return new SettlementEffect(key, 1, amountMinor, 0, 0, feeMinor, commissionMinor, 0, 0);
    }

    /** An accepted refund. */
    public static SettlementEffect refund(SettlementKey key, long amountMinor) {
        return new SettlementEffect(key, 0, 0, amountMinor, 0, 0, 0, 0, 0);
    }

    /** An accepted chargeback: its amount, and the chargeback fee the merchant pays. */
    public static SettlementEffect chargeback(SettlementKey key, long amountMinor, long chargebackFeeMinor) {
        return new SettlementEffect(key, 0, 0, 0, amountMinor, chargebackFeeMinor, 0, 0, 0);
    }

    /** An accepted MerchantPaidOut, on the row of the payout's business date. */
    public static SettlementEffect payout(SettlementKey key, long amountMinor) {
        return new SettlementEffect(key, 0, 0, 0, 0, 0, 0, amountMinor, 1);
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("settlement " + field + " must be >= 0, was " + value);
        }
    }
}
