package org.kleline.ledger.model.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class RoundingPropertyTest {

    /** The JDK's HALF_EVEN on exact decimals is an independent oracle (test only, not a money path). */
    @Property
    void halfEvenAgreesWithTheJdkHalfEvenRounding(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n,
                                                  @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long d) {
        long expected = new BigDecimal(BigInteger.valueOf(n))
                .divide(new BigDecimal(BigInteger.valueOf(d)), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
        assertThat(Rounding.halfEven(n, d)).isEqualTo(expected);
    }

    @Property
    void halfEvenAgreesWithTheJdkOnBasisPointRates(@ForAll @LongRange(min = 0, max = 10_000_000_000_000_000L) long n) {
        long expected = new BigDecimal(BigInteger.valueOf(n))
                .divide(new BigDecimal(BigInteger.valueOf(10_000)), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
        assertThat(Rounding.halfEven(n, 10_000)).isEqualTo(expected);
    }
}
