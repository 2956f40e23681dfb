package org.kleline.ledger.model.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.kleline.ledger.model.money.Rounding;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FeesPropertyTest {

    @Property
    void commissionNeverExceedsFeeWhichNeverExceedsAmount(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 0, max = 10_000) int bps,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fixed,
            @ForAll @IntRange(min = 0, max = 10_000) int shareBps) {
        long fee = Fees.fee(amount, bps, fixed);
        long commission = Fees.commission(fee, shareBps);
        assertThat(commission).isBetween(0L, fee);
        assertThat(fee).isBetween(0L, amount);
    }

    /** The sum may pass Long.MAX_VALUE here, so the oracle adds in BigInteger. */
    @Property
    void feeIsTheMinimumOfAmountAndRatePlusFixedEvenForHugeFixedFees(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 0, max = 10_000) int bps,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fixed) {
        BigInteger ratePlusFixed = BigInteger.valueOf(Rounding.applyBps(amount, bps)).add(BigInteger.valueOf(fixed));
        long expected = BigInteger.valueOf(amount).min(ratePlusFixed).longValueExact();
        assertThat(Fees.fee(amount, bps, fixed)).isEqualTo(expected);
    }
}
