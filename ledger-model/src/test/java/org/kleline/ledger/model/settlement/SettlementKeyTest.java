package org.kleline.ledger.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SettlementKeyTest {

    @Test
    void keyIsMerchantDateAndCurrencyJoinedByBars() {
        SettlementKey key = new SettlementKey("m-7", LocalDate.of(2024, 5, 1), "EUR");

        assertThat(key.format()).isEqualTo("m-7|2024-05-01|EUR");
        assertThat(SettlementKey.parse("m-7|2024-05-01|EUR")).isEqualTo(key);
    }

    @Test
    void merchantIdsWithColonsAndDotsSurviveTheRoundTrip() {
        SettlementKey key = new SettlementKey("acme:shop.1_x-2", LocalDate.of(2023, 12, 31), "JPY");

        assertThat(SettlementKey.parse(key.format())).isEqualTo(key);
    }

    @Test
    void merchantIdWithABarIsRefusedNamingIt() {
        assertThatThrownBy(() -> new SettlementKey("m|7", LocalDate.of(2024, 5, 1), "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merchantId")
                .hasMessageContaining("'m|7'");
    }

    @Test
    void lowerCaseCurrencyIsRefused() {
        assertThatThrownBy(() -> new SettlementKey("m-7", LocalDate.of(2024, 5, 1), "eur"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency")
                .hasMessageContaining("'eur'");
    }

    @Test
    void keyWithTooFewPartsIsRefused() {
        assertThatThrownBy(() -> SettlementKey.parse("m-7|2024-05-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merchantId|yyyy-MM-dd|currency")
                .hasMessageContaining("'m-7|2024-05-01'");
    }

    @Test
    void keyWithAnImpossibleDateIsRefusedNamingTheDate() {
        assertThatThrownBy(() -> SettlementKey.parse("m-7|2024-02-30|EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("businessDate")
                .hasMessageContaining("'2024-02-30'");
    }
}
