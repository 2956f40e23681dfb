package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.projector.topology.TestEvents.MINUTE;
import static org.kleline.ledger.projector.topology.TestEvents.PLAN;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.authorize;
import static org.kleline.ledger.projector.topology.TestEvents.capture;
import static org.kleline.ledger.projector.topology.TestEvents.chargeback;
import static org.kleline.ledger.projector.topology.TestEvents.micro;
import static org.kleline.ledger.projector.topology.TestEvents.onboard;
import static org.kleline.ledger.projector.topology.TestEvents.openWallet;
import static org.kleline.ledger.projector.topology.TestEvents.payout;
import static org.kleline.ledger.projector.topology.TestEvents.refund;
import static org.kleline.ledger.projector.topology.TestEvents.topUp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

class SettlementAndViewsTest extends DriverPerTest {

    static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);

    /** A day of merchant m1 (partner p1, PLAN): a micropayment, a capture, a refund, a chargeback. */
    void givenADayOfPayments() {
        driver.pipe(
                onboard("m1-on", "m1", "EUR", "p1", PLAN, T0),
                openWallet("w1-open", "w1", "EUR", 15_000, T0),
                topUp("w1-top", "w1", 10_000, T0 + MINUTE),
                micro("mp1", "w1", "m1", 1_000, T0 + 2 * MINUTE),
                authorize("a1", "pay1", "m1", 10_000, "EUR", T0 + 3 * MINUTE),
                capture("c1", "pay1", 10_000, T0 + 4 * MINUTE),
                refund("r1", "pay1", 3_000, T0 + 5 * MINUTE),
                chargeback("cb1", "pay1", 2_000, T0 + 6 * MINUTE));
    }

    @Test
    void settlementRowSumsTheMerchantsAcceptedPaymentEventsOfTheDate() {
        givenADayOfPayments();
        // micro 1000 (fee 51, commission 10) + capture 10000 (fee 275, commission 55) + chargeback fee 1500.
        SettlementRow expected = new SettlementRow(
                "m1", MARCH_1, "EUR", 2L, 11_000L, 3_000L, 2_000L, 1_826L, 65L, 4_174L, 0L, 0, SettlementStatus.OPEN);
        assertThat(expected.getNet())
                .isEqualTo(
                        expected.getGross() - expected.getRefunds() - expected.getChargebacks() - expected.getFees());
        String key = SettlementKeys.byMerchant("m1", MARCH_1, "EUR");
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS).get(key))
                .isEqualTo(expected);
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS_BY_DATE)
                        .get("2024-03-01|m1|EUR"))
                .isEqualTo(expected);
        List<KeyValue<String, SettlementRow>> emitted = driver.settlements();
        assertThat(emitted).hasSize(4);
        assertThat(emitted).allMatch(kv -> kv.key.equals("m1|2024-03-01|EUR"));
        assertThat(emitted.get(3).value).isEqualTo(expected);
    }

    @Test
    void aRowIsPaidOncePayoutsCoverItsNet() {
        givenADayOfPayments();
        driver.pipe(payout("po-m1-2024-03-01", "m1", "po-m1-2024-03-01", MARCH_1, 4_000, T0 + 7 * MINUTE));
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS)
                        .get("m1|2024-03-01|EUR")
                        .getStatus())
                .isEqualTo(SettlementStatus.OPEN);
        driver.pipe(payout("po-m1-2024-03-01-2", "m1", "po-m1-2024-03-01-2", MARCH_1, 174, T0 + 8 * MINUTE));
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS).get("m1|2024-03-01|EUR"))
                .isEqualTo(new SettlementRow(
                        "m1",
                        MARCH_1,
                        "EUR",
                        2L,
                        11_000L,
                        3_000L,
                        2_000L,
                        1_826L,
                        65L,
                        4_174L,
                        4_174L,
                        2,
                        SettlementStatus.PAID));
        assertThat(driver.balance("merchant:m1", "EUR")).isZero();
    }

    @Test
    void aPayoutAloneMakesARowOfZeroSumsOnItsBusinessDate() {
        driver.pipe(
                onboard("m1-on", "m1", "EUR", null, PLAN, T0),
                payout("po1", "m1", "manual-1", LocalDate.of(2024, 2, 20), 700, T0 + MINUTE));
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS).get("m1|2024-02-20|EUR"))
                .isEqualTo(new SettlementRow(
                        "m1",
                        LocalDate.of(2024, 2, 20),
                        "EUR",
                        0L,
                        0L,
                        0L,
                        0L,
                        0L,
                        0L,
                        0L,
                        700L,
                        1,
                        SettlementStatus.OPEN));
    }

    @Test
    void theBusinessDateIsTheDateInParis() {
        long lateEveningUtc = Instant.parse("2024-03-01T23:30:00Z").toEpochMilli();
        driver.pipe(
                onboard("m1-on", "m1", "EUR", null, PLAN, T0),
                openWallet("w", "w1", "EUR", 15_000, T0),
                topUp("t", "w1", 5_000, T0 + 1),
                micro("mp", "w1", "m1", 1_000, lateEveningUtc));
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS).get("m1|2024-03-02|EUR"))
                .isNotNull();
        assertThat(driver.<SettlementRow>store(StoreNames.SETTLEMENT_ROWS).get("m1|2024-03-01|EUR"))
                .isNull();
        assertThat(driver.journal())
                .filteredOn(kv -> kv.key.equals("mp"))
                .extracting(kv -> kv.value.getBusinessDate())
                .containsExactly(LocalDate.of(2024, 3, 2));
    }

    @Test
    void rowsOfADateAreOnePrefixOfTheByDateIndex() {
        givenADayOfPayments();
        driver.pipe(
                onboard("m0-on", "m0", "EUR", null, PLAN, T0),
                micro("mp0", "w1", "m0", 500, T0 + 9 * MINUTE),
                payout("po-x", "m1", "manual-x", LocalDate.of(2024, 3, 2), 100, T0 + 10 * MINUTE));
        KeyValueStore<String, SettlementRow> byDate = driver.store(StoreNames.SETTLEMENT_ROWS_BY_DATE);
        try (KeyValueIterator<String, SettlementRow> it = byDate.prefixScan(
                SettlementKeys.datePrefix(MARCH_1), new org.apache.kafka.common.serialization.StringSerializer())) {
            List<String> keys = new java.util.ArrayList<>();
            it.forEachRemaining(kv -> keys.add(kv.key));
            assertThat(keys).containsExactly("2024-03-01|m0|EUR", "2024-03-01|m1|EUR");
        }
    }

    @Test
    void theTrialBalanceIsZeroInEveryCurrency() {
        givenADayOfPayments();
        driver.pipe(
                onboard("u-on", "mu", "USD", "p2", PLAN, T0),
                openWallet("wu", "wu", "USD", 15_000, T0),
                topUp("tu", "wu", 3_333, T0 + 1),
                micro("mpu", "wu", "mu", 777, T0 + 2));
        BalanceTotals eur =
                driver.<BalanceTotals>store(StoreNames.TRIAL_BALANCE).get("EUR");
        BalanceTotals usd =
                driver.<BalanceTotals>store(StoreNames.TRIAL_BALANCE).get("USD");
        assertThat(eur.getCredits()).isEqualTo(eur.getDebits()).isEqualTo(27_500L);
        assertThat(usd.getCredits()).isEqualTo(usd.getDebits()).isEqualTo(4_110L);
        // merchant:m1 after the day: 949 + 9725 - 3000 - 3500
        assertThat(driver.balance("merchant:m1", "EUR")).isEqualTo(4_174);
        assertThat(driver.balance("platform:card-clearing", "EUR")).isEqualTo(-15_000);
        assertThat(driver.balance("platform:fees", "EUR")).isEqualTo(41 + 220 + 1_500);
        assertThat(driver.balance("partner:p1", "EUR")).isEqualTo(65);
    }

    @Test
    void anAccountsStatementAndPastBalancesComeFromTheEntries() {
        givenADayOfPayments();
        AccountHistory history = driver.history();
        AccountHistory.StatementPage page = history.statement("merchant:m1", "EUR", T0, T0 + 60 * MINUTE, null, 10);
        assertThat(page.lines()).extracting(l -> l.entry().getEventId()).containsExactly("mp1", "c1", "r1", "cb1");
        assertThat(page.lines())
                .extracting(AccountHistory.StatementLine::balanceAfterMinor)
                .containsExactly(949L, 10_674L, 7_674L, 4_174L);
        assertThat(page.lines())
                .extracting(l -> l.entry().getEventType())
                .containsExactly(
                        "MicropaymentRequested",
                        "CardPaymentCaptured",
                        "CardPaymentRefunded",
                        "CardPaymentChargedBack");
        BalanceTotals asOf = history.asOf("merchant:m1", "EUR", T0 + 4 * MINUTE);
        assertThat(asOf.getCredits() - asOf.getDebits()).isEqualTo(10_674L);
    }
}
