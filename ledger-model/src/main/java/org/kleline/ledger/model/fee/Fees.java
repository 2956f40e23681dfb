package org.kleline.ledger.model.fee;

import org.kleline.ledger.model.money.Rounding;

/**
 * The fee arithmetic of docs/domain.md, decided at the time of the event being decided:
 * {@code fee = min(amount, halfEven(amount * bps, 10000) + fixed)} and
 * {@code commission = halfEven(fee * partnerShareBps, 10000)} when the merchant has a partner.
 * So {@code 0 <= commission <= fee <= amount}.
 */
final class Fees {

    private Fees() {}

    /**
     * The fee of a payment of {@code amountMinor} at {@code bps} plus {@code fixedMinor}, never
     * more than the amount.
     */
    public static long fee(long amountMinor, int bps, long fixedMinor) {
        requireNonNegative("amount", amountMinor);
        requireBps(bps);
        requireNonNegative("fixed", fixedMinor);
        long proportional = Rounding.applyBps(amountMinor, bps);
        // proportional <= amount, so comparing with the room left cannot overflow, whereas
        // proportional + fixed could for a fixed fee near Long.MAX_VALUE.
        return fixedMinor >= amountMinor - proportional ? amountMinor : proportional + fixedMinor;
    }

    /** The partner's part of {@code feeMinor} at {@code partnerShareBps}. */
    public static long commission(long feeMinor, int partnerShareBps) {
        requireNonNegative("fee", feeMinor);
        requireBps(partnerShareBps);
        return Rounding.applyBps(feeMinor, partnerShareBps);
    }

    private static void requireNonNegative(String what, long minor) {
        if (minor < 0) {
            throw new IllegalArgumentException(what + " must be >= 0 minor units, was " + minor);
        }
    }

    private static void requireBps(int bps) {
        if (bps < 0 || bps > FeeSchedule.BPS_MAX) {
            throw new IllegalArgumentException("rate must be 0..10000 basis points, was " + bps);
        }
    }
}
