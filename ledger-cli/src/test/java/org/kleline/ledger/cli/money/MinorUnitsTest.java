package org.kleline.ledger.cli.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void centsAreShownWithTwoDecimalsAndGroupedThousands() {
        assertThat(MinorUnits.grouped(123_456, 2)).isEqualTo("1,234.56");
        assertThat(MinorUnits.grouped(100_000_000, 2)).isEqualTo("1,000,000.00");
        assertThat(MinorUnits.grouped(5, 2)).isEqualTo("0.05");
        assertThat(MinorUnits.grouped(0, 2)).isEqualTo("0.00");
        assertThat(MinorUnits.plain(123_456_789, 2)).isEqualTo("1234567.89");
    }

    @Test
    void aNegativeAmountKeepsItsSignAndItsFraction() {
        assertThat(MinorUnits.grouped(-357, 2)).isEqualTo("-3.57");
        assertThat(MinorUnits.grouped(-7, 2)).isEqualTo("-0.07");
        assertThat(MinorUnits.grouped(-1_234_500, 2)).isEqualTo("-12,345.00");
    }

    @Test
    void theCurrencysOwnDecimalsAreUsed() {
        assertThat(MinorUnits.withCurrency(123_456, "EUR")).isEqualTo("1,234.56 EUR");
        assertThat(MinorUnits.withCurrency(123_456, "JPY")).isEqualTo("123,456 JPY");
        assertThat(MinorUnits.withCurrency(123_456, "KWD")).isEqualTo("123.456 KWD");
    }

    @Test
    void theExtremesOfALongPrintExactly() {
        assertThat(MinorUnits.plain(Long.MAX_VALUE, 2)).isEqualTo("92233720368547758.07");
        assertThat(MinorUnits.plain(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
        assertThat(MinorUnits.plain(Long.MIN_VALUE, 0)).isEqualTo("-9223372036854775808");
        assertThat(MinorUnits.grouped(Long.MIN_VALUE, 3)).isEqualTo("-9,223,372,036,854,775.808");
    }

    @Test
    void moreThanThreeDecimalsIsRefused() {
        assertThatThrownBy(() -> MinorUnits.plain(1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractionDigits must be 0..3, was 4");
    }
}
