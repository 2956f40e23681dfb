package org.kleline.ledger.cli.settle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;

/**
 * Settles one business date through {@code POST /v1/settlements/{date}/settle}: the server appends a
 * payout for each merchant due, once (settling again pays nothing twice). A 503 (the projector not
 * yet caught up with the log, a partition moving) is retried after its Retry-After, within a budget.
 */
final class SettlementRuns {

    private final LedgerApi api;
    private final RetryWhenBusy retry;

    SettlementRuns(LedgerApi api, RetryWhenBusy retry) {
        this.api = api;
        this.retry = retry;
    }

    /** The payouts appended, in merchantId order; empty when nothing was due. */
    List<SettledPayout> settle(LocalDate date) {
        String path = "/v1/settlements/" + date + "/settle";
        JsonNode body =
                retry.call(() -> api.post(path, "", Map.of())).expect(200).json();
        if (!date.toString().equals(body.path("date").asText())) {
            throw new ApiFailure("POST " + path + " answered for date " + body.path("date") + ": " + body);
        }
        List<SettledPayout> payouts = new ArrayList<>();
        for (JsonNode p : body.path("payouts")) {
            payouts.add(new SettledPayout(
                    p.get("merchantId").asText(),
                    p.get("payoutId").asText(),
                    p.get("amount").asLong()));
        }
        return payouts;
    }
}
