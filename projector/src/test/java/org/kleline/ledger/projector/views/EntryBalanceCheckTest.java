package org.kleline.ledger.projector.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.kleline.ledger.projector.views.BalanceStage.driver;
import static org.kleline.ledger.projector.views.BalanceStage.line;
import static org.kleline.ledger.projector.views.BalanceStage.pipeEntry;

import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;

/**
 * An entry is checked to balance per currency where it is applied to the views, not only where
 * ledger-model builds it: one that does not fails loudly, naming the entry, and none of it is applied.
 */
class EntryBalanceCheckTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void aBalancedEntryIsApplied() {
        try (TopologyTestDriver driver = driver()) {
            pipeEntry(
                    driver,
                    List.of(
                            line("wallet:w1", -2_500, "e2", T0),
                            line("merchant:m1", 2_450, "e2", T0),
                            line("platform:fees", 50, "e2", T0)));

            KeyValueStore<String, BalanceTotals> balances = driver.getKeyValueStore(StoreNames.BALANCES);
            assertThat(balances.get("merchant:m1|EUR")).isEqualTo(new BalanceTotals(2_450L, 0L, 1L));
            KeyValueStore<String, BalanceTotals> trial = driver.getKeyValueStore(StoreNames.TRIAL_BALANCE);
            assertThat(trial.get("EUR")).isEqualTo(new BalanceTotals(2_500L, 2_500L, 3L));
        }
    }

    @Test
    void anEntryThatDoesNotSumToZeroFailsNamingItAndNothingOfItIsApplied() {
        try (TopologyTestDriver driver = driver()) {
            Throwable failure = catchThrowable(() -> pipeEntry(
                    driver,
                    List.of(
                            line("wallet:w1", -2_500, "e-bad", T0),
                            line("merchant:m1", 2_450, "e-bad", T0),
                            line("platform:fees", 49, "e-bad", T0))));

            assertThat(failure)
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause()
                    .hasMessageStartingWith(
                            "journal entry e-bad does not balance in EUR: its postings sum to -1, not 0");
            assertThat(isEmpty(driver.getKeyValueStore(StoreNames.BALANCES))).isTrue();
            assertThat(isEmpty(driver.getKeyValueStore(StoreNames.TRIAL_BALANCE)))
                    .isTrue();
            assertThat(isEmpty(driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES)))
                    .isTrue();
        }
    }

    @Test
    void eachCurrencyMustBalanceOnItsOwn() {
        // Sums to zero over both currencies, but neither balances alone.
        List<Posting> crossCurrency =
                List.of(new Posting("wallet:w1", "EUR", -100L), new Posting("merchant:m1", "USD", 100L));
        List<Posting> twoBalancedCurrencies = List.of(
                new Posting("wallet:w1", "EUR", -100L),
                new Posting("wallet:w2", "USD", -7L),
                new Posting("merchant:m1", "EUR", 100L),
                new Posting("merchant:m2", "USD", 7L));

        assertThat(catchThrowable(() -> AccountPostings.requireBalanced(crossCurrency, "e-x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("journal entry e-x does not balance in EUR: its postings sum to -100, not 0");
        assertThatCode(() -> AccountPostings.requireBalanced(twoBalancedCurrencies, "e-ok"))
                .doesNotThrowAnyException();
    }

    private static boolean isEmpty(KeyValueStore<String, ?> store) {
        try (KeyValueIterator<String, ?> it = store.all()) {
            return !it.hasNext();
        }
    }
}
