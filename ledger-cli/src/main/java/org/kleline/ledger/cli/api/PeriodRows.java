package org.kleline.ledger.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.cli.period.DateRange;
import org.kleline.ledger.cli.progress.ProgressLine;

/**
 * Every merchant's settlement rows of each date of a period, as {@code GET /v1/settlements/{date}}
 * answers them (JSON objects of docs/api.md), date after date; 503s retried, with a progress bar.
 */
public final class PeriodRows {

    private PeriodRows() {}

    public static List<JsonNode> read(LedgerApi api, RetryWhenBusy retry, DateRange period, ProgressLine progress) {
        List<JsonNode> rows = new ArrayList<>();
        int done = 0;
        for (LocalDate date : period.dates()) {
            JsonNode answer = retry.call(() -> api.get("/v1/settlements/" + date))
                    .expect(200)
                    .json();
            answer.forEach(rows::add);
            done++;
            progress.update("reading settlement rows " + ProgressLine.bar(done, period.days(), 20) + " " + date);
        }
        return rows;
    }
}
