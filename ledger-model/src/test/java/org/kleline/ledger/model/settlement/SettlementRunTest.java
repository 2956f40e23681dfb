package org.kleline.ledger.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;

class SettlementRunTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 27);

    private static DailySettlement row(String merchantId, long gross, long refunds, long paidOut, int payouts) {
        SettlementKey key = new SettlementKey(new MerchantId(merchantId), D, CurrencyCode.of("EUR"));
        return new DailySettlement(key, gross > 0 ? 1 : 0, gross, refunds, 0, 0, 0, paidOut, payouts);
    }

    @Test
    void firstPayoutOfADateIsPoMerchantDate() {
        List<MerchantPaidOut> payouts = SettlementRun.payouts(D, List.of(row("m-1", 2_290, 0, 0, 0)));
        assertThat(payouts).containsExactly(new MerchantPaidOut("m-1", "po-m-1-2026-11-27", D, 2_290L));
    }

    @Test
    void laterPayoutOfADateCarriesTheNextOrdinalAndPaysOnlyWhatIsDue() {
        List<MerchantPaidOut> payouts =
                SettlementRun.payouts(D, List.of(row("m-1", 3_000, 0, 2_290, 1), row("m-2", 900, 0, 100, 2)));
        assertThat(payouts)
                .extracting(MerchantPaidOut::getPayoutId, MerchantPaidOut::getAmount)
                .containsExactly(tuple("po-m-1-2026-11-27-2", 710L), tuple("po-m-2-2026-11-27-3", 800L));
    }

    @Test
    void merchantsArePaidInMerchantIdOrderWhateverTheRowOrder() {
        List<MerchantPaidOut> payouts = SettlementRun.payouts(
                D, List.of(row("m-b", 500, 0, 0, 0), row("m-a", 300, 0, 0, 0), row("m-c", 100, 0, 0, 0)));
        assertThat(payouts).extracting(MerchantPaidOut::getMerchantId).containsExactly("m-a", "m-b", "m-c");
    }

    @Test
    void nothingIsPaidWhenDueIsZeroOrLess() {
        List<MerchantPaidOut> payouts = SettlementRun.payouts(
                D,
                List.of(
                        row("m-paid", 1_000, 0, 1_000, 1),
                        row("m-negative", 100, 400, 0, 0),
                        row("m-overpaid", 1_000, 0, 1_200, 1),
                        row("m-empty", 0, 0, 0, 0)));
        assertThat(payouts).isEmpty();
    }

    @Test
    void payoutIsNotBoundByTheRequestLimit() {
        List<MerchantPaidOut> payouts = SettlementRun.payouts(D, List.of(row("m-1", 3_000_000_000_000L, 0, 0, 0)));
        assertThat(payouts.get(0).getAmount()).isEqualTo(3_000_000_000_000L);
    }

    @Test
    void rowOfAnotherDateIsRefused() {
        assertThatThrownBy(() -> SettlementRun.payouts(D.plusDays(1), List.of(row("m-1", 100, 0, 0, 0))))
                .hasMessageStartingWith("settling 2026-11-28 was given the row of");
    }

    @Test
    void settlementEventUsesThePayoutIdAsEventIdAndPassesTheLogContractOnly() {
        MerchantPaidOut payout =
                SettlementRun.payouts(D, List.of(row("m-1", 100, 0, 0, 0))).get(0);
        EventEnvelope event = SettlementRun.toEvent(payout, Instant.parse("2026-11-28T06:00:00Z"));
        assertThat(event.getEventId()).isEqualTo("po-m-1-2026-11-27");
        EventValidator.requireValidLogEvent(event);
        assertThatThrownBy(() -> EventValidator.requireValidRequest(event))
                .hasMessageStartingWith("payoutId must not start with po-");
    }

    @Test
    void aRowOutOfRangeIsNeverPaidFrom() {
        DailySettlement full = row("m-1", Long.MAX_VALUE, 0, 0, 0);
        SettlementKey key = new SettlementKey(new MerchantId("m-3"), D, CurrencyCode.of("EUR"));
        DailySettlement beyond = DailySettlement.empty(key)
                .apply(SettlementEffect.payment(key, Long.MAX_VALUE - 5, 0, 0))
                .apply(SettlementEffect.payment(key, 10, 0, 0));
        assertThat(full.inRange()).isFalse();
        assertThat(beyond.inRange()).isFalse();
        assertThat(beyond.due()).isEqualTo(Long.MAX_VALUE);

        List<MerchantPaidOut> payouts = SettlementRun.payouts(D, List.of(full, row("m-2", 500, 0, 0, 0), beyond));

        assertThat(payouts).containsExactly(new MerchantPaidOut("m-2", "po-m-2-2026-11-27", D, 500L));
    }
}
