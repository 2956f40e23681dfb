package org.kleline.ledger.model.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kleline.ledger.model.fixtures.Coverage;
import org.kleline.ledger.model.fixtures.Gen;
import org.kleline.ledger.model.fixtures.Tries;

class RoundingPropertyTest {

    private static final long BPS_NUMERATOR_MAX = 10_000_000_000_000_000L;

    /** The JDK's HALF_EVEN on exact decimals is an independent oracle (test only, not a money path). */
    @TestFactory
    Stream<DynamicTest> halfEvenAgreesWithTheJdkHalfEvenRounding() {
        Coverage cases = new Coverage();
        return Tries.overSeeds(
                1000,
                gen -> {
                    long d = gen.spread(1L, Long.MAX_VALUE);
                    long n = gen.indexByWeight(2, 1) == 0
                            ? gen.spread(0L, Long.MAX_VALUE)
                            : nearATie(gen, d, Long.MAX_VALUE);
                    cases.collect(tieKind(n, d));
                    assertThat(Rounding.halfEven(n, d))
                            .as("halfEven(%d, %d)", n, d)
                            .isEqualTo(jdkHalfEven(n, d));
                },
                cases.covers("tie, even quotient", "tie, odd quotient", "no tie"));
    }

    @TestFactory
    Stream<DynamicTest> halfEvenAgreesWithTheJdkOnBasisPointRates() {
        Coverage cases = new Coverage();
        return Tries.overSeeds(
                1000,
                gen -> {
                    long n = gen.indexByWeight(2, 1) == 0
                            ? gen.spread(0L, BPS_NUMERATOR_MAX)
                            : nearATie(gen, 10_000, BPS_NUMERATOR_MAX);
                    cases.collect(tieKind(n, 10_000));
                    assertThat(Rounding.halfEven(n, 10_000))
                            .as("halfEven(%d, 10000)", n)
                            .isEqualTo(jdkHalfEven(n, 10_000));
                },
                cases.covers("tie, even quotient", "tie, odd quotient", "no tie"));
    }

    /**
     * q * d + d / 2 for an even d, or one off it, with n <= nMax: the ties HALF_EVEN is about,
     * which uniform numerators almost never hit. An odd d has no tie, so it gives its nearest.
     */
    private static long nearATie(Gen gen, long d, long nMax) {
        long half = d / 2;
        long qMax = (nMax - half - 1) / d;
        long q = qMax <= 0 ? 0 : gen.spread(0L, qMax);
        long offset = gen.indexByWeight(2, 1, 1) == 0 ? 0 : gen.oneOf(-1L, 1L);
        return Math.max(0, q * d + half + offset);
    }

    private static String tieKind(long n, long d) {
        if (d % 2 != 0 || n % d != d / 2) {
            return "no tie";
        }
        return (n / d) % 2 == 0 ? "tie, even quotient" : "tie, odd quotient";
    }

    private static long jdkHalfEven(long n, long d) {
        return new BigDecimal(BigInteger.valueOf(n))
                .divide(new BigDecimal(BigInteger.valueOf(d)), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
