package org.kleline.ledger.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.validation.InvalidFieldException;

class CurrencyCodeTest {

    @Test
    void currenciesWithZeroToThreeFractionDigitsAreAccepted() {
        assertThat(CurrencyCode.of("EUR").fractionDigits()).isEqualTo(2);
        assertThat(CurrencyCode.of("JPY").fractionDigits()).isEqualTo(0);
        assertThat(CurrencyCode.of("KWD").fractionDigits()).isEqualTo(3);
        assertThat(new CurrencyCode("USD").code()).isEqualTo("USD");
    }

    @Test
    void ofReturnsOneSharedInstancePerCode() {
        assertThat(CurrencyCode.of("EUR")).isSameAs(CurrencyCode.of("EUR")).isEqualTo(new CurrencyCode("EUR"));
    }

    @Test
    void currencyWithoutMinorUnitIsRefused() {
        assertThat(CurrencyCode.isValid("XAU")).isFalse();
        assertThat(CurrencyCode.isValid("XXX")).isFalse();
    }

    @Test
    void unknownOrMalformedCodesAreRefused() {
        assertThat(CurrencyCode.isValid("ABC")).isFalse();
        assertThat(CurrencyCode.isValid("eur")).isFalse();
        assertThat(CurrencyCode.isValid("EURO")).isFalse();
        assertThat(CurrencyCode.isValid(null)).isFalse();
    }

    @Test
    void refusalNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> new CurrencyCode("ABC"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("currency must be an ISO 4217 code known to java.util.Currency with 0..3 fraction "
                        + "digits, was 'ABC'")
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("currency");
        assertThatThrownBy(() -> CurrencyCode.of("payout.currency", "XAU"))
                .hasMessageStartingWith("payout.currency must be");
    }
}
