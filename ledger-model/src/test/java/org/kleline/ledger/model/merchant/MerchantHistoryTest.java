package org.kleline.ledger.model.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;

class MerchantHistoryTest {

    private static final Instant T0 = Instant.parse("1999-03-01T09:00:00Z");
    private static final FeeSchedule A = new FeeSchedule(100, 0L, 100, 0L, 0L, 0);
    private static final FeeSchedule B = new FeeSchedule(200, 0L, 200, 0L, 0L, 0);

    private final MerchantState onboarded =
            MerchantState.onboarded(new MerchantId("m-1"), "Shop", null, CurrencyCode.of("EUR"), T0, A);
    private final MerchantState changed = onboarded.withFeePlan(new FeePlanVersion(B, T0));
    private final MerchantHistory history = new MerchantHistory(new HashMap<>());

    @Test
    void aBoundGivesTheStateOfTheLastEventBelowIt() {
        history.record("m-1", 10, onboarded);
        history.record("m-1", 20, changed);

        assertThat(history.below("m-1", 10)).isEmpty();
        assertThat(history.below("m-1", 11)).contains(onboarded);
        assertThat(history.below("m-1", 20)).contains(onboarded);
        assertThat(history.below("m-1", 21)).contains(changed);
        assertThat(history.below("m-1", Long.MAX_VALUE)).contains(changed);
        assertThat(history.below("m-2", Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void statesAreRecordedInLogOrderOnly() {
        history.record("m-1", 20, onboarded);

        assertThatThrownBy(() -> history.record("m-1", 20, changed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log order");
    }
}
