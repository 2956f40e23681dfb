package org.kleline.ledger.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.validation.InvalidFieldException;

class AccountIdTest {

    @Test
    void factoriesWriteAccountIdsAsDomainMdDoes() {
        assertThat(AccountId.wallet("w-1").value()).isEqualTo("wallet:w-1");
        assertThat(AccountId.wallet(new WalletId("w-1"))).isEqualTo(AccountId.wallet("w-1"));
        assertThat(AccountId.merchant("m-7").value()).isEqualTo("merchant:m-7");
        assertThat(AccountId.partner("pa-1").value()).isEqualTo("partner:pa-1");
        assertThat(AccountId.PLATFORM_FEES.value()).isEqualTo("platform:fees");
        assertThat(AccountId.PLATFORM_CARD_CLEARING.value()).isEqualTo("platform:card-clearing");
        assertThat(AccountId.PLATFORM_PAYOUTS.value()).isEqualTo("platform:payouts");
    }

    @Test
    void parseGivesTypeAndOwnerSplittingAtTheFirstColon() {
        AccountId account = AccountId.parse("merchant:m:7");
        assertThat(account.type()).isEqualTo(AccountType.MERCHANT);
        assertThat(account.ownerId()).isEqualTo("m:7");
        assertThat(AccountId.parse("platform:payouts").type()).isEqualTo(AccountType.PLATFORM);
        assertThat(AccountId.parse("platform:fees")).isEqualTo(AccountId.PLATFORM_FEES);
    }

    @Test
    void unknownPrefixesPlatformNamesAndBadIdsAreRefused() {
        assertThat(AccountId.isValid("bank:x")).isFalse();
        assertThat(AccountId.isValid("platform:other")).isFalse();
        assertThat(AccountId.isValid("wallet:")).isFalse();
        assertThat(AccountId.isValid("wallet")).isFalse();
        assertThat(AccountId.isValid("wallet:w 1")).isFalse();
        assertThatThrownBy(() -> AccountId.parse("bank:x"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("account must be wallet:{id}")
                .hasMessageEndingWith("was 'bank:x'");
        assertThatThrownBy(() -> AccountId.wallet("w/1")).hasMessageStartingWith("walletId must match");
    }
}
