package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.projector.topology.TestEvents.MINUTE;
import static org.kleline.ledger.projector.topology.TestEvents.PLAN;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.authorize;
import static org.kleline.ledger.projector.topology.TestEvents.capture;
import static org.kleline.ledger.projector.topology.TestEvents.onboard;
import static org.kleline.ledger.projector.topology.TestEvents.refund;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * A settlement row near {@link Long#MAX_VALUE}: the settlement stage cannot reject the event (it was
 * decided on its own partition, and the row sums every partition's), so the row's sums stop at their
 * bound, as LedgerReplay's rows do ({@code DailySettlement#apply}). The effect is applied and emitted,
 * counted in {@code settlement-effects-out-of-range-total}, and the stage goes on. The decide stage keeps
 * a row within range on one partition, so the row is seeded through the driver's stores.
 */
class SettlementRowRangeTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final SettlementKey KEY = new SettlementKey(new MerchantId("m1"), MARCH_1, CurrencyCode.of("EUR"));

    @TempDir
    Path stateDir;

    @Test
    void aRowWhoseGrossWouldPassTheMaximumStopsThereIsEmittedAndTheStageGoesOn() {
        try (ProjectorDriver driver = new ProjectorDriver(stateDir)) {
            DailySettlement seeded = new DailySettlement(KEY, 5, MAX - 1_000, 0, 0, 100, 0, 0, 0);
            seed(driver, seeded);

            driver.pipe(
                    onboard("m1-on", "m1", "EUR", null, PLAN, T0),
                    authorize("a1", "pay1", "m1", 5_000, "EUR", T0 + MINUTE),
                    capture("c1", "pay1", 5_000, T0 + 2 * MINUTE));

            // PLAN: card 2.5% + 25, so the capture's fee is 125 + 25 = 150.
            DailySettlement captured = seeded.apply(SettlementEffect.payment(KEY, 5_000, 150, 0));
            assertThat(captured.gross()).isEqualTo(MAX);
            assertThat(captured.inRange()).isFalse();
            assertThat(driver.outcomesById().get("c1").getOutcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(driver.settlements()).containsExactly(KeyValue.pair("m1|2024-03-01|EUR", captured.toAvro()));
            assertThat(driver.metrics().settlementEffectsOutOfRange()).isEqualTo(1);

            long nextDay = T0 + 24 * 60 * MINUTE;
            driver.pipe(
                    refund("r1", "pay1", 1_000, T0 + 3 * MINUTE),
                    authorize("a2", "pay2", "m1", 1, "EUR", nextDay),
                    capture("c2", "pay2", 1, nextDay));

            assertThat(driver.outcomesById())
                    .allSatisfy((id, o) -> assertThat(o.getOutcome()).isEqualTo(Outcome.ACCEPTED))
                    .containsKeys("r1", "a2", "c2");

            DailySettlement refunded = captured.apply(SettlementEffect.refund(KEY, 1_000));
            assertThat(refunded.toAvro())
                    .isEqualTo(new SettlementRow(
                            "m1",
                            MARCH_1,
                            "EUR",
                            6L,
                            MAX,
                            1_000L,
                            0L,
                            250L,
                            0L,
                            MAX - 1_250,
                            0L,
                            0,
                            SettlementStatus.OPEN));
            List<KeyValue<String, SettlementRow>> rows = driver.settlements();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).isEqualTo(KeyValue.pair("m1|2024-03-01|EUR", refunded.toAvro()));
            // The next day's row is an ordinary one: fee min(1, 0 + 25) = 1.
            assertThat(rows.get(1).value)
                    .isEqualTo(new SettlementRow(
                            "m1",
                            MARCH_1.plusDays(1),
                            "EUR",
                            1L,
                            1L,
                            0L,
                            0L,
                            1L,
                            0L,
                            0L,
                            0L,
                            0,
                            SettlementStatus.OPEN));
            assertThat(driver.metrics().settlementEffectsOutOfRange()).isEqualTo(2);
            KeyValueStore<String, SettlementRow> byMerchant = driver.store(StoreNames.SETTLEMENT_ROWS);
            KeyValueStore<String, SettlementRow> byDate = driver.store(StoreNames.SETTLEMENT_ROWS_BY_DATE);
            assertThat(byMerchant.get(SettlementKeys.byMerchant(KEY))).isEqualTo(refunded.toAvro());
            assertThat(byDate.get(SettlementKeys.byDate("m1", MARCH_1, "EUR"))).isEqualTo(refunded.toAvro());
            assertThat(driver.deadLetters()).isEmpty();
        }
    }

    private static void seed(ProjectorDriver driver, DailySettlement row) {
        driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS).put(SettlementKeys.byMerchant(row.key()), row.toAvro());
        driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS_BY_DATE)
                .put(SettlementKeys.byDate("m1", row.key().businessDate(), "EUR"), row.toAvro());
    }
}
