package org.kleline.ledger.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.ingest.config.ImportWindow;

class ImportWindowOptionTest {

    @Test
    void withNothingGivenTheWindowIsFrom1990ToFiveMinutesPastTheClock() {
        assertThat(ImportWindowOption.window(null, null, Map.of())).isEqualTo(ImportWindow.defaults());
        assertThat(ImportWindow.defaults())
                .isEqualTo(new ImportWindow(Instant.parse("1990-01-01T00:00:00Z"), Duration.ofMinutes(5)));
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of(
                ImportWindowOption.EARLIEST_ENVIRONMENT,
                "1980-01-01T00:00:00Z",
                ImportWindowOption.SKEW_ENVIRONMENT,
                "PT1M");
        assertThat(ImportWindowOption.window(null, null, environment))
                .isEqualTo(new ImportWindow(Instant.parse("1980-01-01T00:00:00Z"), Duration.ofMinutes(1)));
        assertThat(ImportWindowOption.window("1970-01-01T00:00:00Z", "PT0S", environment))
                .isEqualTo(new ImportWindow(Instant.EPOCH, Duration.ZERO));
    }

    @Test
    void unusableValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> ImportWindowOption.window("1990", null, Map.of()))
                .hasMessageStartingWith("--import-earliest must be an ISO-8601 instant");
        assertThatThrownBy(() -> ImportWindowOption.window(null, "5 minutes", Map.of()))
                .hasMessageStartingWith("--clock-skew must be an ISO-8601 duration");
        assertThatThrownBy(() -> ImportWindowOption.window(null, "P2D", Map.of()))
                .hasMessageContaining("clock skew must be 0..24 hours");
        assertThatThrownBy(() -> ImportWindowOption.window(null, "-PT1M", Map.of()))
                .hasMessageContaining("clock skew must be 0..24 hours");
        assertThatThrownBy(() -> ImportWindowOption.window("+10000-01-01T00:00:00Z", null, Map.of()))
                .hasMessageContaining("must be an instant from 0001-01-01T00:00:00Z");
    }
}
