package org.kleline.ledger.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.D0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.capture;
import static org.kleline.ledger.model.fixtures.Events.chargeback;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.feePlanChange;
import static org.kleline.ledger.model.fixtures.Events.micropayment;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.payout;
import static org.kleline.ledger.model.fixtures.Events.redemption;
import static org.kleline.ledger.model.fixtures.Events.refund;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;

class AggregateKeyTest {

    @Test
    void walletEventsAndMicropaymentsAreKeyedByWallet() {
        assertThat(AggregateKey.of(event("e", walletOpened("w-1", "EUR", 15_000)))
                        .value())
                .isEqualTo("wallet:w-1");
        assertThat(AggregateKey.of(topUp("w-1", 1)).value()).isEqualTo("wallet:w-1");
        assertThat(AggregateKey.of(redemption("w-1", 1)).value()).isEqualTo("wallet:w-1");
        assertThat(AggregateKey.of(micropayment("w-1", "m-1", 1)).value()).isEqualTo("wallet:w-1");
    }

    @Test
    void cardPaymentEventsAreKeyedByPayment() {
        assertThat(AggregateKey.of(authorization("p-1", "m-1", 1, "EUR")).value())
                .isEqualTo("payment:p-1");
        assertThat(AggregateKey.of(capture("p-1", 1)).value()).isEqualTo("payment:p-1");
        assertThat(AggregateKey.of(refund("p-1", 1)).value()).isEqualTo("payment:p-1");
        AggregateKey key = AggregateKey.of(chargeback("p-1", 1));
        assertThat(key.value()).isEqualTo("payment:p-1");
        assertThat(key.id()).isEqualTo("p-1");
    }

    @Test
    void merchantEventsAreKeyedByMerchant() {
        assertThat(AggregateKey.of(onboarding("m-1", null, "EUR", standardPlan()))
                        .value())
                .isEqualTo("merchant:m-1");
        assertThat(AggregateKey.of(feePlanChange("m-1", standardPlan(), null)).value())
                .isEqualTo("merchant:m-1");
        assertThat(AggregateKey.of(payout("m-1", "x", D0, 1)).value()).isEqualTo("merchant:m-1");
    }

    @Test
    void sameIdUnderTwoKindsIsTwoKeys() {
        assertThat(AggregateKey.wallet("a")).isNotEqualTo(AggregateKey.merchant("a"));
    }

    @Test
    void eventTypeIsThePayloadName() {
        assertThat(EventTypes.of(capture("p-1", 1))).isEqualTo(EventType.CardPaymentCaptured);
        assertThat(EventTypes.of(event("e", payout("m-1", "x", D0, 1)))).isEqualTo(EventType.MerchantPaidOut);
        assertThatThrownBy(() -> EventTypes.of("not a payload")).hasMessage("not an event payload: java.lang.String");
    }
}
