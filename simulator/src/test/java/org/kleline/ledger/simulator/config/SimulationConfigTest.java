package org.kleline.ledger.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.validation.InvalidFieldException;

class SimulationConfigTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void defaultsAreKlelinesNineteenNinetyNine() {
        SimulationConfig config = SimulationConfig.defaults();

        assertThat(config.year()).isEqualTo(1999);
        assertThat(config.transactions()).isEqualTo(435_105L);
        assertThat(config.seed()).isEqualTo(1L);
        assertThat(config.merchants()).isEqualTo(500);
        assertThat(config.partners()).isEqualTo(34);
        assertThat(config.settlementZone()).isEqualTo(PARIS);
        assertThat(config.currency()).isEqualTo("EUR");
    }

    @Test
    void withersChangeOneFieldOnly() {
        SimulationConfig config = SimulationConfig.defaults()
                .withYear(2000)
                .withTransactions(10)
                .withSeed(7)
                .withMerchants(3)
                .withPartners(0);

        assertThat(config).isEqualTo(new SimulationConfig(2000, 10, 7, 3, 0, PARIS, "EUR"));
    }

    @Test
    void negativeTransactionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> SimulationConfig.defaults().withTransactions(-1))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("transactions must be 0..100000000, was -1")
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("transactions");
    }

    @Test
    void yearOutsideFourDigitsIsRefused() {
        assertThatThrownBy(() -> SimulationConfig.defaults().withYear(1969))
                .hasMessage("year must be 1970..9999, was 1969");
    }

    @Test
    void aYearNeedsAMerchant() {
        assertThatThrownBy(() -> SimulationConfig.defaults().withMerchants(0))
                .hasMessage("merchants must be 1..100000, was 0");
    }

    @Test
    void negativePartnersAreRefused() {
        assertThatThrownBy(() -> SimulationConfig.defaults().withPartners(-2))
                .hasMessage("partners must be 0..10000, was -2");
    }

    @Test
    void currencyWithoutCentsIsRefused() {
        assertThatThrownBy(() -> new SimulationConfig(1999, 10, 1, 500, 34, PARIS, "JPY"))
                .hasMessageStartingWith("currency must be an ISO 4217 code with 2 fraction digits")
                .hasMessageEndingWith("was 'JPY'");
        assertThatThrownBy(() -> new SimulationConfig(1999, 10, 1, 500, 34, PARIS, "EURO"))
                .hasMessageEndingWith("was 'EURO'");
    }

    @Test
    void zoneIsRequired() {
        assertThatThrownBy(() -> new SimulationConfig(1999, 10, 1, 500, 34, null, "EUR"))
                .hasMessage("settlementZone is required, was null");
    }
}
