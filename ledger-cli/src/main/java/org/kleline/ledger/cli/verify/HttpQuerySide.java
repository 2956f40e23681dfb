package org.kleline.ledger.cli.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.ingest.QueryOverHttp;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The query API over HTTP. Outcomes through its bulk read ({@value #OUTCOME_LOOKUP}, an extension of
 * docs/api.md: up to {@value #OUTCOME_LOOKUP_IDS_MAX} eventIds a request, each answered as
 * {@code GET /v1/events/{eventId}} would); balances one GET per account. Either way {@code concurrency}
 * requests at a time; a 503 leaves what the request asked without an answer (not an answer of "none"), and
 * the audit asks again.
 */
final class HttpQuerySide implements QuerySide {

    /** The bulk read of outcomes: an extension of the HTTP API (docs/api.md). */
    static final String OUTCOME_LOOKUP = "/v1/outcomes/lookup";
    /** The most eventIds the bulk read takes in one request. */
    static final int OUTCOME_LOOKUP_IDS_MAX = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_BODY =
            Map.of("Content-Type", "application/json", "Accept", "application/json");

    private final LedgerApi api;
    private final int concurrency;
    private final RetryWhenBusy retry;

    HttpQuerySide(LedgerApi api, int concurrency, RetryWhenBusy retry) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--http-concurrency must be >= 1, was " + concurrency);
        }
        this.api = api;
        this.concurrency = concurrency;
        this.retry = retry;
    }

    @Override
    public Map<String, Optional<EventOutcome>> outcomes(List<String> eventIds) {
        Map<String, Optional<EventOutcome>> outcomes = new LinkedHashMap<>();
        eventIds.forEach(id -> outcomes.put(id, Optional.empty()));
        // An eventId reused across keys may be asked twice; the API refuses an id given twice in a request.
        List<String> distinct = new ArrayList<>(outcomes.keySet());
        Set<String> unanswered = new HashSet<>();
        List<List<String>> requests = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += OUTCOME_LOOKUP_IDS_MAX) {
            requests.add(distinct.subList(from, Math.min(distinct.size(), from + OUTCOME_LOOKUP_IDS_MAX)));
        }
        sendAll(requests, ids -> api.postAsync(OUTCOME_LOOKUP, lookupBody(ids), JSON_BODY))
                .forEach((ids, answer) -> {
                    switch (answer.status()) {
                        case 200 -> {
                            Set<String> asked = new HashSet<>(ids);
                            for (JsonNode shown : answer.json().path("outcomes")) {
                                EventOutcome outcome = QueryOverHttp.outcome(shown);
                                if (!asked.contains(outcome.getEventId())) {
                                    throw new ApiFailure("POST " + OUTCOME_LOOKUP + " answered an outcome of event "
                                            + outcome.getEventId() + ", which it was not asked for");
                                }
                                outcomes.put(outcome.getEventId(), Optional.of(outcome));
                            }
                        }
                        // A partition moving, or too many reads in flight at the server: asked again.
                        case RetryWhenBusy.UNAVAILABLE, RetryWhenBusy.TOO_MANY_REQUESTS -> unanswered.addAll(ids);
                        case 404, 405 ->
                            throw new ApiFailure("the query API at " + api.base() + " has no bulk read of "
                                    + "outcomes (POST " + OUTCOME_LOOKUP + " answered " + answer.status()
                                    + "): verify needs a "
                                    + "ledger as recent as itself");
                        default -> throw unexpected(answer);
                    }
                });
        outcomes.keySet().removeAll(unanswered);
        return outcomes;
    }

    @Override
    public Map<String, Optional<List<BalanceLine>>> balances(List<String> accountIds) {
        Map<String, LedgerApi.Answer> answers =
                sendAll(accountIds, id -> api.getAsync("/v1/accounts/" + LedgerApi.segment(id) + "/balances"));
        Map<String, Optional<List<BalanceLine>>> balances = new LinkedHashMap<>();
        answers.forEach((id, answer) -> {
            List<BalanceLine> lines = new ArrayList<>();
            switch (answer.status()) {
                case 200 ->
                    answer.json()
                            .forEach(b -> lines.add(new BalanceLine(
                                    b.get("currency").asText(),
                                    b.get("balance").asLong(),
                                    b.get("credits").asLong(),
                                    b.get("debits").asLong())));
                case 404 -> {
                    // Unknown to the API: no balance at all.
                }
                case RetryWhenBusy.UNAVAILABLE, RetryWhenBusy.TOO_MANY_REQUESTS -> {
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
        retry.call(() -> api.get("/v1/settlements/" + date))
                .expect(200)
                .json()
                .forEach(row -> rows.add(QueryOverHttp.row(row)));
        return rows;
    }

    @Override
    public List<RecomputedTrialBalance> trialBalance() {
        List<RecomputedTrialBalance> lines = new ArrayList<>();
        for (JsonNode t :
                retry.call(() -> api.get("/v1/trial-balance")).expect(200).json()) {
            lines.add(new RecomputedTrialBalance(
                    t.get("currency").asText(),
                    t.get("total").asLong(),
                    t.get("accounts").asLong(),
                    t.path("credits").asLong(),
                    t.path("debits").asLong(),
                    t.path("postings").asLong()));
        }
        return lines;
    }

    @Override
    public String describe() {
        return "the query API at " + api.base();
    }

    /** One request per key, {@code concurrency} in flight at once; the answers in the keys' order. */
    private <K> Map<K, LedgerApi.Answer> sendAll(List<K> keys, Function<K, CompletableFuture<LedgerApi.Answer>> send) {
        Semaphore inFlight = new Semaphore(concurrency);
        Map<K, CompletableFuture<LedgerApi.Answer>> pending = new LinkedHashMap<>();
        try {
            for (K key : keys) {
                inFlight.acquire();
                pending.put(key, send.apply(key).whenComplete((answer, failure) -> inFlight.release()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted while reading " + describe(), e);
        }
        Map<K, LedgerApi.Answer> answers = new LinkedHashMap<>();
        pending.forEach((key, answer) -> {
            try {
                answers.put(key, answer.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
        return answers;
    }

    private static byte[] lookupBody(List<String> eventIds) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ids = body.putArray("eventIds");
        eventIds.forEach(ids::add);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ids of a bulk read as JSON", e);
        }
    }

    private static ApiFailure unexpected(LedgerApi.Answer answer) {
        return new ApiFailure(
                answer.method() + " " + answer.path() + " answered " + answer.status() + ": " + answer.body());
    }
}
