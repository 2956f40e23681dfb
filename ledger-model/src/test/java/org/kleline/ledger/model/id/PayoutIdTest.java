package org.kleline.ledger.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PayoutIdTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 27);
    private static final MerchantId M7 = new MerchantId("m-7");

    @Test
    void firstSettlementPayoutOfADateHasNoOrdinal() {
        assertThat(PayoutId.settlement(M7, D, 0).value()).isEqualTo("po-m-7-2026-11-27");
    }

    @Test
    void laterSettlementPayoutsOfADateCountFromTwo() {
        assertThat(PayoutId.settlement(M7, D, 1).value()).isEqualTo("po-m-7-2026-11-27-2");
        assertThat(PayoutId.settlement(M7, D, 2).value()).isEqualTo("po-m-7-2026-11-27-3");
    }

    @Test
    void settlementIdsOfTheLongestMerchantIdRunPast64Characters() {
        MerchantId longest = new MerchantId("m".repeat(64));
        assertThat(PayoutId.settlement(longest, D, 0).value()).hasSize(78);
        assertThat(PayoutId.settlement(longest, D, 1).value()).hasSize(80);
        assertThat(EventId.ofSettlementPayout(PayoutId.settlement(longest, D, 1))
                        .value())
                .hasSize(80);
    }

    @Test
    void settlementIdIsRecognisedOnlyForItsMerchantAndDate() {
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27", "m-7", D)).isTrue();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27-2", "m-7", D)).isTrue();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27-12", "m-7", D)).isTrue();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27-1", "m-7", D)).isFalse();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27-02", "m-7", D)).isFalse();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27-x", "m-7", D)).isFalse();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27x", "m-7", D)).isFalse();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-28", "m-7", D)).isFalse();
        assertThat(PayoutId.isSettlementIdFor("po-m-7-2026-11-27", "m", D)).isFalse();
    }

    @Test
    void handMadePayoutIdIsAnOrdinaryIdAndReservedPrefixIsDetected() {
        assertThat(new PayoutId("bank-2026-001").isSettlement()).isFalse();
        assertThat(PayoutId.isReserved("po-anything")).isTrue();
        assertThat(PayoutId.isReserved("PO-x")).isFalse();
    }

    @Test
    void eventIdOfASettlementPayoutMustComeFromASettlementPayoutId() {
        assertThatThrownBy(() -> EventId.ofSettlementPayout(new PayoutId("bank-1")))
                .hasMessage("payoutId must be a settlement payout id (po-...), was 'bank-1'");
        assertThatThrownBy(() -> new EventId("e".repeat(65))).hasMessageStartingWith("eventId must match");
    }
}
