package org.kleline.ledger.model.cardpayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.money.CurrencyCode;

class CardPaymentStatusTest {

    @Test
    void statusIsTheFirstThatHoldsInDomainOrder() {
        assertThat(CardPaymentStatus.of(0, 0, 0)).isEqualTo(CardPaymentStatus.AUTHORIZED);
        assertThat(CardPaymentStatus.of(5_000, 0, 0)).isEqualTo(CardPaymentStatus.CAPTURED);
        assertThat(CardPaymentStatus.of(5_000, 1_000, 0)).isEqualTo(CardPaymentStatus.PARTIALLY_REFUNDED);
        assertThat(CardPaymentStatus.of(5_000, 5_000, 0)).isEqualTo(CardPaymentStatus.REFUNDED);
        assertThat(CardPaymentStatus.of(5_000, 0, 1)).isEqualTo(CardPaymentStatus.CHARGED_BACK);
    }

    @Test
    void chargedBackOutranksAFullRefund() {
        assertThat(CardPaymentStatus.of(5_000, 4_000, 1_000)).isEqualTo(CardPaymentStatus.CHARGED_BACK);
    }

    @Test
    void partialRefundAfterAChargebackIsChargedBackAndRefundPlusChargebackBelowCapturedIsPartial() {
        assertThat(CardPaymentStatus.of(5_000, 1_000, 1_000)).isEqualTo(CardPaymentStatus.CHARGED_BACK);
        assertThat(CardPaymentStatus.of(5_000, 4_999, 0)).isEqualTo(CardPaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void stateBreakingTheCaptureBoundsCannotExist() {
        PaymentId p = new PaymentId("p-1");
        MerchantId m = new MerchantId("m-1");
        CurrencyCode eur = CurrencyCode.of("EUR");
        assertThatThrownBy(() -> new CardPaymentState(p, m, eur, 100, 101, 0, 0))
                .hasMessageStartingWith("payment p-1 needs 0 <= captured <= authorized");
        assertThatThrownBy(() -> new CardPaymentState(p, m, eur, 100, 100, 60, 41))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
