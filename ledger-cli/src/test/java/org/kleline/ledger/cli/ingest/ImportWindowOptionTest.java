package org.kleline.ledger.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.cli.LedgerCli;
import org.kleline.ledger.ingest.config.ImportWindow;
import picocli.CommandLine;

class ImportWindowOptionTest {

    @Test
    void withNothingGivenTheWindowIsFrom1990ToFiveMinutesPastTheClock() {
        assertThat(ImportWindowOption.window(null, null)).isEqualTo(ImportWindow.defaults());
        assertThat(ImportWindow.defaults())
                .isEqualTo(new ImportWindow(Instant.parse("1990-01-01T00:00:00Z"), Duration.ofMinutes(5)));
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment =
                Map.of("LEDGER_IMPORT_EARLIEST", "1980-01-01T00:00:00Z", "LEDGER_CLOCK_SKEW", "PT1M");
        assertThat(windowOf(environment, "ingest"))
                .isEqualTo(new ImportWindow(Instant.parse("1980-01-01T00:00:00Z"), Duration.ofMinutes(1)));
        assertThat(windowOf(environment, "run", "--import-earliest", "1970-01-01T00:00:00Z", "--clock-skew", "PT0S"))
                .isEqualTo(new ImportWindow(Instant.EPOCH, Duration.ZERO));
        assertThat(windowOf(Map.of(), "run")).isEqualTo(ImportWindow.defaults());
    }

    @Test
    void unusableValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> ImportWindowOption.window("1990", null))
                .hasMessageStartingWith("--import-earliest must be an ISO-8601 instant");
        assertThatThrownBy(() -> ImportWindowOption.window(null, "5 minutes"))
                .hasMessageStartingWith("--clock-skew must be an ISO-8601 duration");
        assertThatThrownBy(() -> ImportWindowOption.window(null, "P2D"))
                .hasMessageContaining("clock skew must be 0..24 hours");
        assertThatThrownBy(() -> ImportWindowOption.window(null, "-PT1M"))
                .hasMessageContaining("clock skew must be 0..24 hours");
        assertThatThrownBy(() -> ImportWindowOption.window("+10000-01-01T00:00:00Z", null))
                .hasMessageContaining("must be an instant from 0001-01-01T00:00:00Z");
    }

    /** The window a {@code ledger} subcommand gets from its arguments and the environment, parsed as the CLI parses them. */
    private static ImportWindow windowOf(Map<String, String> environment, String... args) {
        CommandLine root = LedgerCli.commandLine(environment);
        root.parseArgs(args);
        CommandLine command = root.getSubcommands().get(args[0]);
        ImportWindowOption option = command.getCommandSpec().mixins().values().stream()
                .map(mixin -> mixin.userObject())
                .filter(ImportWindowOption.class::isInstance)
                .map(ImportWindowOption.class::cast)
                .findFirst()
                .orElseThrow();
        return option.window();
    }
}
