package org.kleline.ledger.model.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kleline.ledger.model.fixtures.Gen;
import org.kleline.ledger.model.fixtures.RandomInputs;
import org.kleline.ledger.model.fixtures.Tries;
import org.kleline.ledger.model.money.Rounding;

class FeesPropertyTest {

    @TestFactory
    Stream<DynamicTest> commissionNeverExceedsFeeWhichNeverExceedsAmount() {
        return Tries.overSeeds(1000, gen -> {
            long amount = amount(gen);
            int bps = bps(gen);
            long fixed = gen.spread(0L, Long.MAX_VALUE);
            int shareBps = bps(gen);
            long fee = Fees.fee(amount, bps, fixed);
            long commission = Fees.commission(fee, shareBps);
            assertThat(commission).isBetween(0L, fee);
            assertThat(fee).isBetween(0L, amount);
        });
    }

    /** The sum may pass Long.MAX_VALUE here, so the oracle adds in BigInteger. */
    @TestFactory
    Stream<DynamicTest> feeIsTheMinimumOfAmountAndRatePlusFixedEvenForHugeFixedFees() {
        return Tries.overSeeds(1000, gen -> {
            long amount = amount(gen);
            int bps = bps(gen);
            long fixed = gen.spread(0L, Long.MAX_VALUE);
            BigInteger ratePlusFixed =
                    BigInteger.valueOf(Rounding.applyBps(amount, bps)).add(BigInteger.valueOf(fixed));
            long expected = BigInteger.valueOf(amount).min(ratePlusFixed).longValueExact();
            assertThat(Fees.fee(amount, bps, fixed)).isEqualTo(expected);
        });
    }

    private static long amount(Gen gen) {
        return gen.spread(1L, RandomInputs.AMOUNT_MAX);
    }

    private static int bps(Gen gen) {
        return gen.spread(0, RandomInputs.BPS_MAX);
    }
}
