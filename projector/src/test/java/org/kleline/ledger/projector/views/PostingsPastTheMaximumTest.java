package org.kleline.ledger.projector.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.kleline.ledger.projector.views.BalanceStage.driver;
import static org.kleline.ledger.projector.views.BalanceStage.line;
import static org.kleline.ledger.projector.views.BalanceStage.pipeEntry;

import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;

/**
 * The views apply exactly what the plan of an entry computed, and never a part of an entry whose plan
 * does not fit: the decide stage rejects such an event before it gets here (RunningTotalsLimitTest);
 * fed one anyway, the views refuse it whole.
 */
class PostingsPastTheMaximumTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long MAX = Long.MAX_VALUE;

    @Test
    void anEntryThatWouldPassTheMaximumIsRefusedWholeAndTheNextOneIsApplied() {
        try (TopologyTestDriver driver = driver()) {
            KeyValueStore<String, BalanceTotals> balances = driver.getKeyValueStore(StoreNames.BALANCES);
            balances.put("merchant:m1|EUR", new BalanceTotals(MAX - 100, 0L, 1L));

            Throwable failure = catchThrowable(() ->
                    pipeEntry(driver, List.of(line("wallet:w1", -101, "e1", T0), line("merchant:m1", 101, "e1", T0))));

            assertThat(failure)
                    .hasRootCauseInstanceOf(ArithmeticException.class)
                    .rootCause()
                    .hasMessage("journal entry e1 would take the running total balances merchant:m1|EUR past " + MAX);
            assertThat(balances.get("wallet:w1|EUR")).isNull();
            assertThat(balances.get("merchant:m1|EUR")).isEqualTo(new BalanceTotals(MAX - 100, 0L, 1L));
            assertThat(isEmpty(driver.getKeyValueStore(StoreNames.TRIAL_BALANCE)))
                    .isTrue();
            assertThat(isEmpty(driver.getKeyValueStore(StoreNames.BALANCE_HOURS)))
                    .isTrue();
            assertThat(isEmpty(driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES)))
                    .isTrue();

            pipeEntry(driver, List.of(line("wallet:w1", -100, "e2", T0), line("merchant:m1", 100, "e2", T0)));

            assertThat(balances.get("merchant:m1|EUR")).isEqualTo(new BalanceTotals(MAX, 0L, 2L));
            assertThat(balances.get("wallet:w1|EUR")).isEqualTo(new BalanceTotals(0L, 100L, 1L));
            KeyValueStore<String, BalanceTotals> trial = driver.getKeyValueStore(StoreNames.TRIAL_BALANCE);
            assertThat(trial.get("EUR")).isEqualTo(new BalanceTotals(100L, 100L, 2L));
        }
    }

    private static boolean isEmpty(KeyValueStore<String, ?> store) {
        try (KeyValueIterator<String, ?> it = store.all()) {
            return !it.hasNext();
        }
    }
}
