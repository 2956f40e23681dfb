package org.kleline.ledger.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.bulk.BulkRequest;
import org.kleline.ledger.simulator.fixtures.ImportLineParser;
import org.kleline.ledger.simulator.fixtures.SimulatedYears;
import org.kleline.ledger.simulator.generate.ExpectedOutcome;
import org.kleline.ledger.simulator.generate.SimulatedEvent;
import org.kleline.ledger.simulator.summary.Progress;
import org.kleline.ledger.simulator.summary.SimulationSummary;

class SimulationTest {

    @Test
    void theFileHoldsEveryLineAndTheSummaryCountsThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Progress> progress = new ArrayList<>();

        SimulationSummary summary = Simulation.writeNdjson(SimulatedYears.SMALL, out, progress::add);

        List<SimulatedEvent> events = SimulatedYears.events(SimulatedYears.SMALL);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(events.size());
        assertThat(summary.lines()).isEqualTo(events.size());
        assertThat(summary.transactions()).isEqualTo(3_000);
        assertThat(summary.transactionsByMonth().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(3_000);
        assertThat(summary.linesByMonth().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(events.size());
        assertThat(summary.lines(EventType.MerchantOnboarded)).isEqualTo(500);
        assertThat(summary.lines(EventType.CardPaymentCaptured) + summary.lines(EventType.MicropaymentRequested))
                .isGreaterThanOrEqualTo(3_000);
        assertThat(summary.badLines())
                .isEqualTo(
                        events.stream().filter(SimulatedEvent::refusalExpected).count());
        assertThat(summary.retries())
                .isEqualTo(events.stream()
                        .filter(e -> e.expected() == ExpectedOutcome.DUPLICATE)
                        .count());
        assertThat(summary.badLinesByDefect().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(summary.badLines());
        assertThat(summary.describe()).contains("3,000 transactions").contains("Dec");
    }

    @Test
    void fileProgressIsReportedEveryTenThousandLinesAndOnceAtTheEnd() throws IOException {
        List<Progress> progress = new ArrayList<>();

        SimulationSummary summary = Simulation.writeNdjson(
                SimulatedYears.SMALL.withTransactions(10_000), new ByteArrayOutputStream(), progress::add);

        assertThat(progress).hasSize((int) (summary.lines() / Simulation.PROGRESS_EVERY_LINES) + 1);
        assertThat(progress.get(0).linesDone()).isEqualTo(10_000);
        assertThat(progress).extracting(Progress::transactionsDone).isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new Progress(summary.lines(), 10_000, 10_000));
        assertThat(progress.get(progress.size() - 1).fractionDone()).isEqualTo(1.0);
    }

    @Test
    void bulkRequestsCarryTheSameLinesAsTheFileWithinTheLimits() throws IOException {
        List<BulkRequest> requests = new ArrayList<>();
        List<Progress> progress = new ArrayList<>();
        BulkLimits limits = new BulkLimits(1_000, 64 * 1024);

        SimulationSummary summary = Simulation.sendBulk(SimulatedYears.SMALL, limits, requests::add, progress::add);

        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        for (BulkRequest request : requests) {
            concatenated.write(request.body());
            assertThat(request.lines()).isLessThanOrEqualTo(1_000);
            assertThat(request.bytes()).isLessThanOrEqualTo(64 * 1024);
        }
        assertThat(concatenated.toByteArray()).isEqualTo(SimulatedYears.ndjson(SimulatedYears.SMALL));
        assertThat(requests.stream().filter(BulkRequest::refusalExpected).count())
                .isEqualTo(summary.badLines());
        assertThat(progress).hasSize(requests.size());
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new Progress(summary.lines(), 3_000, 3_000));
    }

    @Test
    void everyGoodBulkRequestParsesWholeAndEveryBadOneFailsOnItsOnlyLine() throws IOException {
        List<BulkRequest> requests = new ArrayList<>();

        Simulation.sendBulk(SimulatedYears.SMALL, BulkLimits.api(), requests::add, progress -> {});

        for (BulkRequest request : requests) {
            String[] lines = new String(request.body(), StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(request.lines());
            if (request.refusalExpected()) {
                byte[] only = (lines[0] + "\n").getBytes(StandardCharsets.UTF_8);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportLineParser.parse(only))
                        .isInstanceOf(IllegalArgumentException.class);
            } else {
                for (String line : lines) {
                    ImportLineParser.parse(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
