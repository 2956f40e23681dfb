package org.kleline.ledger.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void zeroRoundsToZero() {
        assertThat(Rounding.halfEven(0, 10_000)).isZero();
    }

    @Test
    void tieRoundsDownWhenQuotientIsEven() {
        assertThat(Rounding.halfEven(5, 10)).isEqualTo(0);
        assertThat(Rounding.halfEven(25, 10)).isEqualTo(2);
        assertThat(Rounding.halfEven(5_000, 10_000)).isEqualTo(0);
    }

    @Test
    void tieRoundsUpWhenQuotientIsOdd() {
        assertThat(Rounding.halfEven(15, 10)).isEqualTo(2);
        assertThat(Rounding.halfEven(35, 10)).isEqualTo(4);
        assertThat(Rounding.halfEven(15_000, 10_000)).isEqualTo(2);
    }

    @Test
    void belowHalfRoundsDownAndAboveHalfRoundsUp() {
        assertThat(Rounding.halfEven(14, 10)).isEqualTo(1);
        assertThat(Rounding.halfEven(16, 10)).isEqualTo(2);
        assertThat(Rounding.halfEven(4_999, 10_000)).isEqualTo(0);
        assertThat(Rounding.halfEven(5_001, 10_000)).isEqualTo(1);
    }

    @Test
    void largestAmountAtFullRateIsExact() {
        long largest = 1_000_000_000_000L;
        assertThat(Rounding.halfEven(largest * 10_000, 10_000)).isEqualTo(largest);
        assertThat(Rounding.applyBps(largest, 10_000)).isEqualTo(largest);
        assertThat(Rounding.halfEven(largest * 10_000 - 1, 10_000)).isEqualTo(largest);
    }

    @Test
    void divisorNearLongMaxDoesNotOverflow() {
        assertThat(Rounding.halfEven(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(Rounding.halfEven(Long.MAX_VALUE / 2, Long.MAX_VALUE)).isEqualTo(0);
        assertThat(Rounding.halfEven(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(1);
    }

    @Test
    void negativeNumeratorOrNonPositiveDivisorIsRefused() {
        assertThatThrownBy(() -> Rounding.halfEven(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("halfEven numerator must be >= 0, was -1");
        assertThatThrownBy(() -> Rounding.halfEven(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("halfEven denominator must be > 0, was 0");
    }
}
