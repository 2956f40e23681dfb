package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.outcome.OutcomeBody;

/** Verify's reads of outcomes through the query API's bulk read, against a stand-in of that endpoint. */
class HttpQuerySideTest {

    private final Recomputation recomputed = SmallLedger.recomputed();
    /** What the stand-in answers: the first outcome of each eventId it knows. */
    private final Map<String, EventOutcome> shown = new ConcurrentHashMap<>();
    /** The eventIds of each request, in the order received. */
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();

    private volatile String unavailableWhenAsked = "";
    private volatile int status = 200;
    private HttpServer server;
    private HttpQuerySide query;

    @BeforeEach
    void startStandIn() throws IOException {
        recomputed.eventIds().forEach(id -> shown.put(id, recomputed.outcome(id).orElseThrow()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(HttpQuerySide.OUTCOME_LOOKUP, this::lookup);
        server.start();
        query = new HttpQuerySide(
                new LedgerApi(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                4,
                RetryWhenBusy.standard());
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private void lookup(HttpExchange exchange) throws IOException {
        JsonNode body = LedgerJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
        List<String> ids = new ArrayList<>();
        body.path("eventIds").forEach(id -> ids.add(id.asText()));
        requests.add(ids);
        boolean post = exchange.getRequestMethod().equals("POST")
                && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        int answered = !post ? 405 : ids.contains(unavailableWhenAsked) ? 503 : status;
        List<OutcomeBody> outcomes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        ids.forEach(id -> {
            if (shown.containsKey(id)) {
                outcomes.add(OutcomeBody.of(shown.get(id)));
            } else {
                unknown.add(id);
            }
        });
        byte[] answer = answered == 200
                ? LedgerJson.mapper().writeValueAsBytes(Map.of("outcomes", outcomes, "unknown", unknown))
                : ("{\"status\":" + answered + ",\"detail\":\"stand-in\"}").getBytes();
        exchange.sendResponseHeaders(answered, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Test
    void outcomesAreReadInBulkAThousandEventIdsARequestAtMost() {
        List<String> ids = new ArrayList<>(recomputed.eventIds());
        IntStream.range(0, 2_496).forEach(i -> ids.add("unknown-" + i));

        Map<String, Optional<EventOutcome>> answers = query.outcomes(ids);

        assertThat(requests).extracting(List::size).containsExactlyInAnyOrder(1_000, 1_000, 500);
        assertThat(requests.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(answers).hasSize(2_500);
        assertThat(answers.keySet()).containsExactlyElementsOf(ids);
        for (String id : recomputed.eventIds()) {
            assertThat(answers.get(id)).as(id).isEqualTo(recomputed.outcome(id));
        }
        assertThat(answers.get("e-mp").orElseThrow().getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(answers.get("unknown-0")).isEmpty();
        assertThat(answers.get("unknown-2495")).isEmpty();
    }

    @Test
    void anEventIdAskedTwiceIsSentOnce() {
        Map<String, Optional<EventOutcome>> answers = query.outcomes(List.of("e-open", "e-topup", "e-open"));

        assertThat(requests).containsExactly(List.of("e-open", "e-topup"));
        assertThat(answers).containsOnlyKeys("e-open", "e-topup");
        assertThat(answers.get("e-open")).isEqualTo(recomputed.outcome("e-open"));
    }

    @Test
    void aRequestAnswered503LeavesOnlyItsOwnEventIdsOutOfTheAnswer() {
        List<String> ids = new ArrayList<>(List.of("e-onboard"));
        IntStream.range(0, 999).forEach(i -> ids.add("unknown-" + i));
        ids.add("e-topup");
        unavailableWhenAsked = "e-topup";

        Map<String, Optional<EventOutcome>> answers = query.outcomes(ids);

        assertThat(requests).hasSize(2);
        assertThat(answers.get("e-onboard")).isEqualTo(recomputed.outcome("e-onboard"));
        // Unknown to the API is an answer (no outcome); a 503 is none: left out, to be asked again.
        assertThat(answers.get("unknown-0")).isEmpty();
        assertThat(answers).doesNotContainKey("e-topup").hasSize(1_000);
    }

    @Test
    void aQueryApiWithoutTheBulkReadIsAFailureSayingSo() {
        status = 404;
        assertThatThrownBy(() -> query.outcomes(List.of("e-open")))
                .isInstanceOf(ApiFailure.class)
                .hasMessageStartingWith("the query API at http://127.0.0.1:")
                .hasMessageContaining("has no bulk read of outcomes (POST /v1/outcomes/lookup answered 404)");
    }

    @Test
    void anOutcomeOfAnEventNotAskedForIsAFailure() {
        shown.put("e-open", recomputed.outcome("e-topup").orElseThrow());
        assertThatThrownBy(() -> query.outcomes(List.of("e-open")))
                .isInstanceOf(ApiFailure.class)
                .hasMessage(
                        "POST /v1/outcomes/lookup answered an outcome of event e-topup, which it was not asked for");
    }

    @Test
    void theAuditOverTheBulkReadAgreesWithAFaithfulApiAndNamesAWrongOutcome() {
        Differences faithful = new Differences();
        new ViewAudit(query, recomputed, faithful, Duration.ZERO, Integer.MAX_VALUE).outcomes(n -> {});
        assertThat(faithful.count()).isZero();

        EventOutcome topUp = recomputed.outcome("e-topup").orElseThrow();
        shown.put(
                "e-topup",
                EventOutcome.newBuilder()
                        .setEventId(topUp.getEventId())
                        .setKey(topUp.getKey())
                        .setEventType(topUp.getEventType())
                        .setOccurredAt(topUp.getOccurredAt())
                        .setOutcome(Outcome.REJECTED)
                        .setReason(RejectionReason.INSUFFICIENT_FUNDS)
                        .setPostings(List.of())
                        .build());
        shown.remove("e-open");
        Differences tampered = new Differences();
        long checked = new ViewAudit(query, recomputed, tampered, Duration.ZERO, Integer.MAX_VALUE).outcomes(n -> {});

        assertThat(checked).isEqualTo(4);
        assertThat(tampered.count(ViewAudit.OUTCOMES)).isEqualTo(2);
        assertThat(tampered.first())
                .containsExactly(
                        "outcomes: event e-open has no outcome in the query API; the log gives WalletOpened wallet:w-1 at "
                                + "1999-06-01T08:01:00Z: ACCEPTED []",
                        "outcomes: event e-topup: the query API shows WalletToppedUp wallet:w-1 at 1999-06-01T08:02:00Z: "
                                + "REJECTED (INSUFFICIENT_FUNDS) []; the log gives " + Describe.outcome(topUp));
    }
}
