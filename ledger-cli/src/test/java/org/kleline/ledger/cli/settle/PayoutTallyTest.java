package org.kleline.ledger.cli.settle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayoutTallyTest {

    @Test
    void aTallySaysHowManyPayoutsAndTheirTotalPerCurrency() {
        PayoutTally tally = new PayoutTally();
        assertThat(tally).hasToString("0 payouts (nothing was due)");
        tally.add("EUR", 1_250);
        assertThat(tally).hasToString("1 payout, total 12.50 EUR");
        tally.add("JPY", 500);
        tally.add("EUR", 1_000_000);
        assertThat(tally).hasToString("3 payouts, total 10,012.50 EUR, 500 JPY");
    }
}
