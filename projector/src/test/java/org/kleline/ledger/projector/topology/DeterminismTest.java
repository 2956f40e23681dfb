package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.replay.AccountCurrency;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.settlement.SettlementRow;

class DeterminismTest {

    static final List<EventEnvelope> LOG = RandomLedgerLog.generate(20240301L, 3_000, 12, 60);

    @TempDir
    Path dirA;

    @TempDir
    Path dirB;

    @Test
    void theSameLogThroughTwoFreshTopologiesGivesIdenticalOutputsAndStores() {
        try (ProjectorDriver a = new ProjectorDriver(dirA);
                ProjectorDriver b = new ProjectorDriver(dirB)) {
            a.pipe(LOG);
            b.pipe(LOG);
            List<Object> outA = a.allOutputs();
            assertThat(outA).hasSizeGreaterThan(LOG.size());
            assertThat(b.allOutputs()).isEqualTo(outA);
            assertThat(b.storeContents()).isEqualTo(a.storeContents());
        }
    }

    @Test
    void everyFigureMatchesAnIndependentReplayOfTheLog() {
        LedgerReplay replay = new LedgerReplay(BusinessCalendar.defaultCalendar());
        Map<String, EventOutcome> expectedFirst = new HashMap<>();
        for (EventEnvelope e : LOG) {
            replay.apply(e);
        }
        try (ProjectorDriver driver = new ProjectorDriver(dirA)) {
            driver.pipe(LOG);
            List<KeyValue<String, EventOutcome>> outcomes = driver.outcomes();
            assertThat(outcomes).hasSize(LOG.size());
            for (KeyValue<String, EventOutcome> kv : outcomes) {
                expectedFirst.putIfAbsent(kv.key, kv.value);
            }
            KeyValueStore<String, EventOutcome> outcomeView = driver.store(StoreNames.OUTCOMES);
            for (Map.Entry<String, EventOutcome> e : expectedFirst.entrySet()) {
                assertThat(replay.outcome(e.getKey())).contains(e.getValue());
                assertThat(outcomeView.get(e.getKey())).isEqualTo(e.getValue());
            }
            assertThat(outcomes)
                    .extracting(kv -> kv.value.getOutcome().name())
                    .contains("ACCEPTED", "REJECTED", "DUPLICATE");

            Map<AccountCurrency, Long> balances = replay.balances();
            KeyValueStore<String, BalanceTotals> balanceStore = driver.store(StoreNames.BALANCES);
            int accounts = 0;
            Map<String, Long> postingsPerCurrency = new java.util.TreeMap<>();
            try (KeyValueIterator<String, BalanceTotals> it = balanceStore.all()) {
                while (it.hasNext()) {
                    KeyValue<String, BalanceTotals> kv = it.next();
                    accounts++;
                    postingsPerCurrency.merge(
                            kv.key.substring(kv.key.lastIndexOf(AccountKeys.SEPARATOR) + 1),
                            kv.value.getEntries(),
                            Long::sum);
                    String account = kv.key.substring(0, kv.key.lastIndexOf(AccountKeys.SEPARATOR));
                    String currency = kv.key.substring(kv.key.lastIndexOf(AccountKeys.SEPARATOR) + 1);
                    long expected = balances.entrySet().stream()
                            .filter(b -> b.getKey().account().value().equals(account)
                                    && b.getKey().currency().code().equals(currency))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
                    assertThat(kv.value.getCredits() - kv.value.getDebits())
                            .as(kv.key)
                            .isEqualTo(expected);
                }
            }
            assertThat(accounts).isEqualTo(balances.size());

            KeyValueStore<String, BalanceTotals> trial = driver.store(StoreNames.TRIAL_BALANCE);
            try (KeyValueIterator<String, BalanceTotals> it = trial.all()) {
                it.forEachRemaining(kv -> {
                    assertThat(kv.value.getCredits()).as(kv.key).isEqualTo(kv.value.getDebits());
                    // The trial balance is added to once per entry and currency: it still counts every posting.
                    assertThat(kv.value.getEntries()).as(kv.key).isEqualTo(postingsPerCurrency.get(kv.key));
                });
            }

            KeyValueStore<String, SettlementRow> rows = driver.store(StoreNames.SETTLEMENT_ROWS);
            List<DailySettlement> expectedRows = replay.settlements();
            assertThat(expectedRows).isNotEmpty();
            for (DailySettlement s : expectedRows) {
                assertThat(rows.get(SettlementKeys.byMerchant(s.key()))).isEqualTo(s.toAvro());
            }
            int stored = 0;
            try (KeyValueIterator<String, SettlementRow> it = rows.all()) {
                for (; it.hasNext(); it.next()) {
                    stored++;
                }
            }
            assertThat(stored).isEqualTo(expectedRows.size());
        }
    }
}
