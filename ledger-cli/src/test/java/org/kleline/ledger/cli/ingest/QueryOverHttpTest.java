package org.kleline.ledger.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;
import org.kleline.ledger.web.problem.UnavailableException;

/** The query API's JSON (docs/api.md) read back into the records ingest works with. */
class QueryOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAcceptedOutcomeKeepsItsPostings() throws Exception {
        EventOutcome outcome = QueryOverHttp.outcome(JSON.readTree("{\"eventId\":\"tour-coffee-1\","
                + "\"type\":\"MicropaymentRequested\",\"key\":\"wallet:w-alice\",\"occurredAt\":\"2026-11-27T12:56:24.620Z\","
                + "\"outcome\":\"ACCEPTED\",\"postings\":[{\"account\":\"wallet:w-alice\",\"currency\":\"EUR\",\"amount\":-300},"
                + "{\"account\":\"merchant:m-presse\",\"currency\":\"EUR\",\"amount\":283}]}"));

        assertThat(outcome)
                .isEqualTo(EventOutcome.newBuilder()
                        .setEventId("tour-coffee-1")
                        .setKey("wallet:w-alice")
                        .setEventType(EventType.MicropaymentRequested)
                        .setOccurredAt(Instant.parse("2026-11-27T12:56:24.620Z"))
                        .setOutcome(Outcome.ACCEPTED)
                        .setReason(null)
                        .setPostings(List.of(
                                new Posting("wallet:w-alice", "EUR", -300L),
                                new Posting("merchant:m-presse", "EUR", 283L)))
                        .build());
    }

    @Test
    void aRejectedOutcomeKeepsItsReasonAndHasNoPosting() throws Exception {
        EventOutcome outcome = QueryOverHttp.outcome(JSON.readTree("{\"eventId\":\"demo-live-mp-2\","
                + "\"type\":\"MicropaymentRequested\",\"key\":\"wallet:w-chloe\",\"occurredAt\":\"2026-11-27T12:56:20.917Z\","
                + "\"outcome\":\"REJECTED\",\"reason\":\"INSUFFICIENT_FUNDS\"}"));

        assertThat(outcome.getOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.getReason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(outcome.getPostings()).isEmpty();
    }

    @Test
    void aSettlementRowIsReadFieldByField() throws Exception {
        SettlementRow row = QueryOverHttp.row(JSON.readTree("{\"merchantId\":\"m-librairie\",\"date\":\"1999-11-26\","
                + "\"currency\":\"EUR\",\"count\":2,\"gross\":16590,\"refunds\":1290,\"chargebacks\":12000,\"fees\":1849,"
                + "\"commission\":104,\"net\":1451,\"paidOut\":0,\"payouts\":0,\"status\":\"OPEN\"}"));

        assertThat(row)
                .isEqualTo(SettlementRow.newBuilder()
                        .setMerchantId("m-librairie")
                        .setBusinessDate(LocalDate.of(1999, 11, 26))
                        .setCurrency("EUR")
                        .setCount(2)
                        .setGross(16590)
                        .setRefunds(1290)
                        .setChargebacks(12000)
                        .setFees(1849)
                        .setCommission(104)
                        .setNet(1451)
                        .setPaidOut(0)
                        .setPayouts(0)
                        .setStatus(SettlementStatus.OPEN)
                        .build());
    }

    @Test
    void aQueryApiOutOfReachIsUnavailable() {
        QueryOverHttp query = new QueryOverHttp(URI.create("http://127.0.0.1:1"));
        assertThat(query.rowsOn(LocalDate.of(1999, 11, 26)))
                .failsWithin(Duration.ofSeconds(20))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(UnavailableException.class)
                .withMessageContaining("out of reach");
        assertThatThrownBy(() -> query.firstOutcome("ev-1"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("out of reach");
    }

    @Test
    void settlementRowsAreAskedCaughtUpAndANodeBehindIsA503WithItsReasonAndRetryAfter() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] body = ("{\"type\":\"urn:kleline:ledger:problem:unavailable\",\"title\":\"Service unavailable\","
                            + "\"status\":503,\"detail\":\"the projector is behind the log after 30000 ms: ledger.events "
                            + "partition 4 read to 17 of 25\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("Retry-After", "5");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        try {
            QueryOverHttp query = new QueryOverHttp(
                    URI.create("http://127.0.0.1:" + node.getAddress().getPort()));
            Throwable failure = catchThrowable(
                    () -> query.rowsOn(LocalDate.of(1999, 11, 26)).get(20, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class);
            UnavailableException unavailable = (UnavailableException) failure.getCause();
            assertThat(unavailable)
                    .hasMessage("the query API at http://127.0.0.1:"
                            + node.getAddress().getPort()
                            + " answered 503 to /v1/settlements/1999-11-26: the projector is behind the log after 30000 ms: "
                            + "ledger.events partition 4 read to 17 of 25");
            assertThat(unavailable.headers()).containsEntry("Retry-After", "5");
            assertThat(asked).containsExactly("/v1/settlements/1999-11-26?caughtUp=true");
        } finally {
            node.stop(0);
        }
    }

    @Test
    void onlyHttpUrlsAreTaken() {
        assertThatThrownBy(() -> new QueryOverHttp(URI.create("ftp://node-1/")))
                .hasMessage("--query-url must be an http(s) URL, got 'ftp://node-1/'");
    }
}
