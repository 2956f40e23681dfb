package org.kleline.ledger.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.cli.period.DateRange;
import org.kleline.ledger.cli.progress.ProgressLine;

/**
 * Every merchant's settlement rows of each date of a period, as {@code GET /v1/settlements/{date}}
 * answers them (JSON objects of docs/api.md), in date order; {@link #DATES_IN_FLIGHT} dates asked at once,
 * 503s retried, with a progress bar.
 */
public final class PeriodRows {

    /** Dates asked at once: a year's 365 reads one after the other spend their time waiting in turn. */
    public static final int DATES_IN_FLIGHT = 8;

    private PeriodRows() {}

    public static List<JsonNode> read(LedgerApi api, RetryWhenBusy retry, DateRange period, ProgressLine progress) {
        List<JsonNode> rows = new ArrayList<>();
        int[] done = {0};
        new ConcurrentRequests<LocalDate, JsonNode>(
                        DATES_IN_FLIGHT,
                        "ledger-period-rows",
                        date -> retry.call(() -> api.get("/v1/settlements/" + date))
                                .expect(200)
                                .json())
                .run(period.dates(), (date, answer) -> {
                    answer.forEach(rows::add);
                    done[0]++;
                    progress.update(
                            "reading settlement rows " + ProgressLine.bar(done[0], period.days(), 20) + " " + date);
                });
        return rows;
    }
}
