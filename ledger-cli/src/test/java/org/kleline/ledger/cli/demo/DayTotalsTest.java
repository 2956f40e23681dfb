package org.kleline.ledger.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayTotalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoDaysRowsMustShowEveryPaymentEventOfEachMerchant() {
        DayTotals totals = DayTotals.of(DemoScenario.settledDayEvents());

        assertThat(totals.byMerchant())
                .isEqualTo(Map.of(
                        "m-presse", new DayTotals.Totals(3, 120 + 80 + 150, 0, 0),
                        "m-jeux", new DayTotals.Totals(3, 450 + 300 + 2000, 0, 0),
                        "m-librairie", new DayTotals.Totals(2, 4590 + 12000, 1290, 12000)));
    }

    @Test
    void aRowThatHasNotYetSeenTheRefundAndChargebackIsNotUpToDate() throws Exception {
        DayTotals totals = DayTotals.of(DemoScenario.settledDayEvents());
        String presse = "{\"merchantId\":\"m-presse\",\"count\":3,\"gross\":350,\"refunds\":0,\"chargebacks\":0}";
        String jeux = "{\"merchantId\":\"m-jeux\",\"count\":3,\"gross\":2750,\"refunds\":0,\"chargebacks\":0}";
        JsonNode partial = JSON.readTree("[" + presse + "," + jeux + ",{\"merchantId\":\"m-librairie\",\"count\":2,"
                + "\"gross\":16590,\"refunds\":0,\"chargebacks\":0}]");
        JsonNode complete = JSON.readTree("[" + presse + "," + jeux + ",{\"merchantId\":\"m-librairie\",\"count\":2,"
                + "\"gross\":16590,\"refunds\":1290,\"chargebacks\":12000}]");
        JsonNode missingMerchant = JSON.readTree("[" + presse + "," + jeux + "]");

        assertThat(totals.shownBy(partial)).isFalse();
        assertThat(totals.shownBy(missingMerchant)).isFalse();
        assertThat(totals.shownBy(complete)).isTrue();
    }
}
