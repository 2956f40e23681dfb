package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.projector.read.HistoryRetention;
import org.kleline.ledger.web.server.HttpLimits;

class RunSettingsTest {

    private static final Path DATA_DIR = Path.of("data");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void eachWithReplacesItsOwnSettingsAndKeepsEveryOther() {
        IngestConfig ingest = IngestConfig.defaults().withPendingWaitsMax(7);
        HttpLimits limits = HttpLimits.defaults().withThreads(5);
        Optional<Path> ca = Optional.of(Path.of("ca.pem"));

        RunSettings settings = new RunSettings(DATA_DIR, 0, 3, PARIS)
                .withBind("0.0.0.0", List.of("ledger.example"))
                .withIngest(ingest)
                .withHttpLimits(limits)
                .withTls(Optional.empty(), ca);

        assertThat(settings)
                .isEqualTo(new RunSettings(
                        DATA_DIR,
                        0,
                        3,
                        PARIS,
                        HistoryRetention.FOREVER,
                        "0.0.0.0",
                        List.of("ledger.example"),
                        ingest.withImportEnabled(true),
                        limits,
                        Optional.empty(),
                        ca));
    }

    @Test
    void anIngestGivenWithTheImportOffHasItOn() {
        RunSettings settings = new RunSettings(DATA_DIR, 0, 3, PARIS)
                .withIngest(IngestConfig.defaults().withImportEnabled(false));

        assertThat(settings.ingest().importEnabled()).isTrue();
    }
}
