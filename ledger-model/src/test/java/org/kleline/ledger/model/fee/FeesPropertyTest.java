package org.kleline.ledger.model.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.kleline.ledger.model.fixtures.LedgerArbitraries;
import org.kleline.ledger.model.money.Rounding;

/** Fees and commissions over every valid amount and rate, and fixed fees up to Long.MAX_VALUE (jqwik: shrinks). */
class FeesPropertyTest {

    @Property(tries = 1000)
    void commissionNeverExceedsFeeWhichNeverExceedsAmount(
            @ForAll @LongRange(min = 1, max = LedgerArbitraries.AMOUNT_MAX) long amount,
            @ForAll @IntRange(min = 0, max = LedgerArbitraries.BPS_MAX) int bps,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fixed,
            @ForAll @IntRange(min = 0, max = LedgerArbitraries.BPS_MAX) int shareBps) {
        long fee = Fees.fee(amount, bps, fixed);
        long commission = Fees.commission(fee, shareBps);
        assertThat(commission).isBetween(0L, fee);
        assertThat(fee).isBetween(0L, amount);
    }

    /** The sum may pass Long.MAX_VALUE here, so the oracle adds in BigInteger. */
    @Property(tries = 1000)
    void feeIsTheMinimumOfAmountAndRatePlusFixedEvenForHugeFixedFees(
            @ForAll @LongRange(min = 1, max = LedgerArbitraries.AMOUNT_MAX) long amount,
            @ForAll @IntRange(min = 0, max = LedgerArbitraries.BPS_MAX) int bps,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fixed) {
        BigInteger ratePlusFixed =
                BigInteger.valueOf(Rounding.applyBps(amount, bps)).add(BigInteger.valueOf(fixed));
        long expected = BigInteger.valueOf(amount).min(ratePlusFixed).longValueExact();
        assertThat(Fees.fee(amount, bps, fixed)).isEqualTo(expected);
    }
}
