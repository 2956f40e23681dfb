package org.kleline.ledger.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.validation.InvalidFieldException;

class RequestedAmountTest {

    @Test
    void oneToOneTrillionMinorUnitsIsARequestedAmount() {
        assertThat(new RequestedAmount(1).amountMinor()).isEqualTo(1);
        assertThat(new RequestedAmount(1_000_000_000_000L).amountMinor()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void zeroAndBeyondOneTrillionAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new RequestedAmount(0))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("amount must be 1..1000000000000 minor units, was 0");
        assertThatThrownBy(() -> RequestedAmount.require("maxBalance", 1_000_000_000_001L))
                .hasMessage("maxBalance must be 1..1000000000000 minor units, was 1000000000001");
        assertThat(RequestedAmount.isValid(-5)).isFalse();
    }
}
