package org.kleline.ledger.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.validation.InvalidFieldException;

class IdSyntaxTest {

    @Test
    void idsOfLettersDigitsAndDotUnderscoreColonHyphenAreValid() {
        assertThat(IdSyntax.isValid("w-1")).isTrue();
        assertThat(IdSyntax.isValid("A.b_c:d-9")).isTrue();
        assertThat(IdSyntax.isValid("550e8400-e29b-41d4-a716-446655440000")).isTrue();
        assertThat(IdSyntax.isValid("x".repeat(64))).isTrue();
    }

    @Test
    void emptyTooLongOrOtherCharactersAreInvalid() {
        assertThat(IdSyntax.isValid("")).isFalse();
        assertThat(IdSyntax.isValid(null)).isFalse();
        assertThat(IdSyntax.isValid("x".repeat(65))).isFalse();
        assertThat(IdSyntax.isValid("w 1")).isFalse();
        assertThat(IdSyntax.isValid("w/1")).isFalse();
        assertThat(IdSyntax.isValid("café")).isFalse();
    }

    @Test
    void typedIdNamesItsFieldWhenRefused() {
        assertThatThrownBy(() -> new WalletId("w 1"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("walletId must match [A-Za-z0-9._:-]{1,64}, was 'w 1'");
        assertThatThrownBy(() -> new MerchantId("")).hasMessageStartingWith("merchantId must match");
        assertThatThrownBy(() -> new PartnerId(null)).hasMessageEndingWith("was null");
        assertThatThrownBy(() -> new PaymentId("p?1")).hasMessageStartingWith("paymentId must match");
    }

    @Test
    void longRefusedValueIsCutInTheMessage() {
        assertThatThrownBy(() -> new WalletId("x".repeat(1000))).hasMessageEndingWith("...(1000 chars)'");
    }

    @Test
    void idFromAnOffsetIsCheckedToTheEnd() {
        assertThat(IdSyntax.isValidFrom("wallet:w-1", 7)).isTrue();
        assertThat(IdSyntax.isValidFrom("wallet:", 7)).isFalse();
        assertThat(IdSyntax.isValidFrom("wallet:" + "x".repeat(65), 7)).isFalse();
    }
}
