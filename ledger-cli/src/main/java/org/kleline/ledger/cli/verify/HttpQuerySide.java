package org.kleline.ledger.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryOn503;
import org.kleline.ledger.cli.ingest.QueryOverHttp;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The query API over HTTP. The API has no bulk read of outcomes or balances, so those are one GET
 * each, {@code concurrency} at a time; a 503 there counts as "no answer yet" and the audit asks again.
 */
final class HttpQuerySide implements QuerySide {

    private final LedgerApi api;
    private final int concurrency;
    private final RetryOn503 retry;

    HttpQuerySide(LedgerApi api, int concurrency, RetryOn503 retry) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--http-concurrency must be >= 1, was " + concurrency);
        }
        this.api = api;
        this.concurrency = concurrency;
        this.retry = retry;
    }

    @Override
    public Map<String, Optional<EventOutcome>> outcomes(List<String> eventIds) {
        Map<String, LedgerApi.Answer> answers = getAll(eventIds, id -> "/v1/events/" + LedgerApi.segment(id));
        Map<String, Optional<EventOutcome>> outcomes = new LinkedHashMap<>();
        answers.forEach((id, answer) -> outcomes.put(id, switch (answer.status()) {
            case 200 -> Optional.of(QueryOverHttp.outcome(answer.json()));
            case 404, RetryOn503.UNAVAILABLE -> Optional.empty();
            default -> throw unexpected(answer);
        }));
        return outcomes;
    }

    @Override
    public Map<String, Optional<List<BalanceLine>>> balances(List<String> accountIds) {
        Map<String, LedgerApi.Answer> answers = getAll(accountIds,
                id -> "/v1/accounts/" + LedgerApi.segment(id) + "/balances");
        Map<String, Optional<List<BalanceLine>>> balances = new LinkedHashMap<>();
        answers.forEach((id, answer) -> {
            List<BalanceLine> lines = new ArrayList<>();
            switch (answer.status()) {
                case 200 -> answer.json().forEach(b -> lines.add(new BalanceLine(b.get("currency").asText(),
                        b.get("balance").asLong(), b.get("credits").asLong(), b.get("debits").asLong())));
                case 404 -> {
                    // Unknown to the API: no balance at all.
                }
                case RetryOn503.UNAVAILABLE -> {
                    balances.put(id, Optional.empty());
                    return;
                }
                default -> throw unexpected(answer);
            }
            balances.put(id, Optional.of(lines));
        });
        return balances;
    }

    @Override
    public List<SettlementRow> settlementRowsOn(LocalDate date) {
        List<SettlementRow> rows = new ArrayList<>();
        retry.call(() -> api.get("/v1/settlements/" + date)).expect(200).json()
                .forEach(row -> rows.add(QueryOverHttp.row(row)));
        return rows;
    }

    @Override
    public List<TrialBalanceLine> trialBalance() {
        List<TrialBalanceLine> lines = new ArrayList<>();
        for (JsonNode t : retry.call(() -> api.get("/v1/trial-balance")).expect(200).json()) {
            lines.add(new TrialBalanceLine(t.get("currency").asText(), t.get("total").asLong(),
                    t.get("accounts").asLong(), t.path("credits").asLong(), t.path("debits").asLong(),
                    t.path("postings").asLong()));
        }
        return lines;
    }

    @Override
    public String describe() {
        return "the query API at " + api.base();
    }

    private Map<String, LedgerApi.Answer> getAll(List<String> ids, Function<String, String> path) {
        Semaphore inFlight = new Semaphore(concurrency);
        Map<String, CompletableFuture<LedgerApi.Answer>> pending = new LinkedHashMap<>();
        try {
            for (String id : ids) {
                inFlight.acquire();
                pending.put(id, api.getAsync(path.apply(id)).whenComplete((answer, failure) -> inFlight.release()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted while reading " + describe(), e);
        }
        Map<String, LedgerApi.Answer> answers = new HashMap<>();
        pending.forEach((id, answer) -> {
            try {
                answers.put(id, answer.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
        Map<String, LedgerApi.Answer> ordered = new LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, answers.get(id)));
        return ordered;
    }

    private static ApiFailure unexpected(LedgerApi.Answer answer) {
        return new ApiFailure(answer.method() + " " + answer.path() + " answered " + answer.status() + ": "
                + answer.body());
    }
}
