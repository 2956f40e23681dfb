package org.kleline.ledger.model.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.money.CurrencyCode;

class PostingsBuilderTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");

    @Test
    void zeroPostingsAreLeftOut() {
        List<JournalLine> postings = new PostingsBuilder()
                .add(AccountId.wallet("w-1"), EUR, -1_000)
                .add(AccountId.merchant("m-1"), EUR, 1_000)
                .add(AccountId.PLATFORM_FEES, EUR, 0)
                .build();
        assertThat(postings)
                .containsExactly(
                        new JournalLine(AccountId.wallet("w-1"), EUR, -1_000),
                        new JournalLine(AccountId.merchant("m-1"), EUR, 1_000));
    }

    @Test
    void entryThatDoesNotSumToZeroIsRefused() {
        PostingsBuilder builder = new PostingsBuilder()
                .add(AccountId.wallet("w-1"), EUR, -1_000)
                .add(AccountId.merchant("m-1"), EUR, 999);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("journal entry does not balance in EUR: sum -1");
    }

    @Test
    void balanceIsCheckedPerCurrency() {
        var balanced = List.of(
                new JournalLine(AccountId.wallet("w-1"), EUR, -5),
                new JournalLine(AccountId.wallet("w-2"), JPY, -7),
                new JournalLine(AccountId.merchant("m-1"), EUR, 5),
                new JournalLine(AccountId.merchant("m-2"), JPY, 7));
        assertThat(JournalBalance.requireBalanced(balanced)).isSameAs(balanced);
        var crossCurrency = List.of(
                new JournalLine(AccountId.wallet("w-1"), EUR, -5), new JournalLine(AccountId.merchant("m-1"), JPY, 5));
        assertThatThrownBy(() -> JournalBalance.requireBalanced(crossCurrency))
                .hasMessageStartingWith("journal entry does not balance in EUR: sum -5");
    }

    @Test
    void zeroPostingCannotExist() {
        assertThatThrownBy(() -> new JournalLine(AccountId.PLATFORM_FEES, EUR, 0))
                .hasMessage("posting amount must not be zero (account platform:fees)");
    }

    @Test
    void postingConvertsToAndFromAvro() {
        JournalLine posting = new JournalLine(AccountId.partner("pa-1"), EUR, 35);
        var avro = posting.toAvro();
        assertThat(avro.getAccount()).isEqualTo("partner:pa-1");
        assertThat(avro.getCurrency()).isEqualTo("EUR");
        assertThat(avro.getAmount()).isEqualTo(35);
        assertThat(JournalLine.fromAvro(avro)).isEqualTo(posting);
    }

    @Test
    void anEntryHoldsAtMostEightPostings() {
        PostingsBuilder builder = new PostingsBuilder();
        for (int i = 0; i < PostingsBuilder.POSTINGS_MAX; i++) {
            builder.add(AccountId.wallet("w-" + i), EUR, i % 2 == 0 ? 1 : -1);
        }
        assertThat(builder.build()).hasSize(8);
        assertThatThrownBy(() -> builder.add(AccountId.PLATFORM_FEES, EUR, 1))
                .hasMessage("a journal entry holds at most 8 postings");
    }
}
