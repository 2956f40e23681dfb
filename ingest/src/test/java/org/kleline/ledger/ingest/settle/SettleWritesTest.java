package org.kleline.ledger.ingest.settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.ingest.testing.IngestHarness.NOW;
import static org.kleline.ledger.ingest.testing.IngestHarness.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.testing.IngestHarness;
import org.kleline.ledger.ingest.testing.Problems;
import org.kleline.ledger.ingest.testing.Settlements;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.web.problem.UnavailableException;

/** Settling a date appends, in one batch, one payout per merchant due, with the ids of docs/domain.md. */
class SettleWritesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-26");

    private IngestHarness ingest;

    @AfterEach
    void stop() {
        ingest.close();
    }

    private static SettlementRow row(String merchantId, long gross, long fees, long paidOut, int payouts) {
        return Settlements.row(DAY, merchantId, gross, fees, paidOut, payouts);
    }

    private void withRows(List<SettlementRow> rows) {
        ingest = new IngestHarness(
                IngestConfig.defaults(),
                10,
                Optional.of(date -> CompletableFuture.completedFuture(date.equals(DAY) ? rows : List.of())));
    }

    @Test
    void everyMerchantDueIsPaidInMerchantIdOrder() {
        withRows(List.of(
                row("m-b", 5_000, 500, 0, 0),
                row("m-a", 12_000, 1_000, 3_000, 1),
                row("m-c", 2_000, 100, 1_900, 2),
                row("m-d", 0, 0, 0, 0)));
        HttpResponse<String> response = ingest.post("/v1/settlements/2026-11-26/settle", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json("{\"date\":\"2026-11-26\",\"payouts\":["
                        + "{\"merchantId\":\"m-a\",\"payoutId\":\"po-m-a-2026-11-26-2\",\"amount\":8000},"
                        + "{\"merchantId\":\"m-b\",\"payoutId\":\"po-m-b-2026-11-26\",\"amount\":4500}]}"));
        assertThat(ingest.appender.batches()).hasSize(1);
        assertThat(ingest.appender.batches().get(0))
                .containsExactly(
                        new KeyedEvent(
                                "merchant:m-a",
                                new EventEnvelope(
                                        "po-m-a-2026-11-26-2",
                                        NOW,
                                        new MerchantPaidOut("m-a", "po-m-a-2026-11-26-2", DAY, 8_000L),
                                        null,
                                        null)),
                        new KeyedEvent(
                                "merchant:m-b",
                                new EventEnvelope(
                                        "po-m-b-2026-11-26",
                                        NOW,
                                        new MerchantPaidOut("m-b", "po-m-b-2026-11-26", DAY, 4_500L),
                                        null,
                                        null)));
    }

    @Test
    void dateWithNothingDueAppendsNothing() {
        withRows(List.of(row("m-a", 1_000, 0, 1_000, 1)));
        HttpResponse<String> response = ingest.post("/v1/settlements/2026-11-26/settle", "");
        assertThat(json(response.body())).isEqualTo(json("{\"date\":\"2026-11-26\",\"payouts\":[]}"));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void badDateIsRefusedNamingIt() {
        withRows(List.of());
        Problems.assertProblem(
                ingest.post("/v1/settlements/26-11-2026/settle", ""),
                Problems.validation("date must be YYYY-MM-DD, was '26-11-2026'", "date"));
        // ISO's expanded years parse as dates; a payout id cannot carry them.
        Problems.assertProblem(
                ingest.post("/v1/settlements/+10000-01-01/settle", ""),
                Problems.validation("date must be YYYY-MM-DD, was '+10000-01-01'", "date"));
        Problems.assertProblem(
                ingest.post("/v1/settlements/0000-01-01/settle", ""),
                Problems.validation("date must be a date from 0001-01-01 to 9999-12-31, was 0000-01-01", "date"));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void nodeWithoutSettlementRowsAnswers503() {
        ingest = IngestHarness.standard();
        HttpResponse<String> response = ingest.post("/v1/settlements/2026-11-26/settle", "");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void rowsThatCannotBeShownCaughtUpAre503AndNothingIsPaid() {
        ingest = new IngestHarness(
                IngestConfig.defaults(),
                10,
                Optional.of(date -> CompletableFuture.failedFuture(new UnavailableException(
                        "the projector is behind the log after 30000 ms: ledger.events partition 1 " + "read to 3 of 5",
                        Duration.ofSeconds(5),
                        null))));
        HttpResponse<String> response = ingest.post("/v1/settlements/2026-11-26/settle", "");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(response.body()).path("detail").asText())
                .isEqualTo("the projector is behind the log after 30000 ms: ledger.events partition 1 read to 3 of 5");
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void theRowsAreAskedForOncePerSettleWithTheDateOfThePath() {
        List<LocalDate> asked = new CopyOnWriteArrayList<>();
        ingest = new IngestHarness(IngestConfig.defaults(), 10, Optional.of(date -> {
            asked.add(date);
            return CompletableFuture.completedFuture(List.of(row("m-a", 1_000, 0, 0, 0)));
        }));
        assertThat(ingest.post("/v1/settlements/2026-11-26/settle", "").statusCode())
                .isEqualTo(200);
        assertThat(asked).containsExactly(DAY);
    }

    @Test
    void brokerDownIsA503AndNothingIsAppended() {
        withRows(List.of(row("m-b", 5_000, 500, 0, 0)));
        ingest.appender.down(true);
        assertThat(ingest.post("/v1/settlements/2026-11-26/settle", "").statusCode())
                .isEqualTo(503);
        assertThat(ingest.appender.appended()).isEmpty();
    }
}
