package org.kleline.ledger.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.ingest.testing.IngestHarness.NOW;
import static org.kleline.ledger.ingest.testing.IngestHarness.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.PendingOutcomes;
import org.kleline.ledger.ingest.testing.IngestHarness;
import org.kleline.ledger.ingest.testing.Outcomes;
import org.kleline.ledger.ingest.testing.Problems;
import org.kleline.ledger.outcomes.RejectionReason;

/** Prefer: wait=N answered with the outcome, and retries answered with the original outcome. */
class WaitAndReplayTest {

    private static final Instant EARLIER = Instant.parse("2026-11-27T09:00:00Z");
    private static final String ACCEPTED_TOP_UP =
            "{\"eventId\":\"e-1\",\"type\":\"WalletToppedUp\",\"key\":\"wallet:w-1\","
                    + "\"occurredAt\":\"2026-11-27T10:15:30.123Z\",\"outcome\":\"ACCEPTED\",\"postings\":["
                    + "{\"account\":\"platform:card-clearing\",\"currency\":\"EUR\",\"amount\":-2500},"
                    + "{\"account\":\"wallet:w-1\",\"currency\":\"EUR\",\"amount\":2500}]}";

    private IngestHarness ingest = IngestHarness.standard();

    @AfterEach
    void stop() {
        ingest.close();
    }

    private HttpResponse<String> topUp(String eventId, String prefer) {
        return ingest.post(
                "/v1/wallets/w-1/top-ups", "{\"amount\":2500}", "Idempotency-Key", eventId, "Prefer", prefer);
    }

    @Test
    void waitIsAnsweredWithTheAcceptedOutcomeAndItsPostings() {
        ingest.appender.onAppend(
                event -> ingest.pending.complete(Outcomes.toppedUp(event.eventId(), "w-1", 2500, NOW)));
        HttpResponse<String> response = topUp("e-1", "wait=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body())).isEqualTo(json(ACCEPTED_TOP_UP));
        assertThat(response.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(ingest.pending.pending()).isZero();
    }

    @Test
    void waitIsAnsweredWithARejectionAsA200WithItsReason() {
        ingest.appender.onAppend(event -> ingest.pending.complete(Outcomes.rejected(
                event.eventId(), "wallet:w-1", EventType.WalletToppedUp, RejectionReason.LIMIT_EXCEEDED, NOW)));
        HttpResponse<String> response = topUp("e-2", "respond-async, wait=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json("{\"eventId\":\"e-2\",\"type\":\"WalletToppedUp\","
                        + "\"key\":\"wallet:w-1\",\"occurredAt\":\"2026-11-27T10:15:30.123Z\",\"outcome\":\"REJECTED\","
                        + "\"reason\":\"LIMIT_EXCEEDED\"}"));
    }

    @Test
    void waitThatRunsOutIsAnswered202() {
        HttpResponse<String> response = topUp("e-3", "wait=1");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response.body())).isEqualTo(json("{\"eventId\":\"e-3\",\"status\":\"PENDING\"}"));
        assertThat(ingest.appender.appended()).hasSize(1);
        assertThat(ingest.pending.pending()).isZero();
    }

    @Test
    void outcomeOfTheSameIdUnderAnotherKeyDoesNotAnswerTheWait() {
        ingest.appender.onAppend(
                event -> ingest.pending.complete(Outcomes.toppedUp(event.eventId(), "w-other", 2500, NOW)));
        assertThat(topUp("e-4", "wait=1").statusCode()).isEqualTo(202);
    }

    @Test
    void waitZeroIsNoWait() {
        HttpResponse<String> response = topUp("e-5", "wait=0");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(ingest.pending.pending()).isZero();
    }

    /** A retry answered as a replay with the top-up's first, accepted outcome, appending nothing. */
    private void assertAnsweredTheOriginalTopUp(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(response.body())).isEqualTo(json(ACCEPTED_TOP_UP));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void retryOfADecidedWriteAppendsNothingAndAnswersTheOriginal() {
        ingest.lookup.record(Outcomes.toppedUp("e-1", "w-1", 2500, NOW));
        HttpResponse<String> response =
                ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":2500}", "Idempotency-Key", "e-1");
        assertAnsweredTheOriginalTopUp(response);
    }

    @Test
    void retryAnswersTheOriginalOutcomeWhateverItsPayload() {
        ingest.lookup.record(Outcomes.toppedUp("e-1", "w-1", 2500, NOW));
        HttpResponse<String> response = ingest.post(
                "/v1/wallets/w-1/top-ups", "{\"amount\":9999}", "Idempotency-Key", "e-1", "Prefer", "wait=5");
        assertAnsweredTheOriginalTopUp(response);
    }

    @Test
    void idUsedUnderAnotherKeyIsAppendedAsANewEvent() {
        ingest.lookup.record(Outcomes.toppedUp("e-1", "w-other", 2500, NOW));
        assertThat(topUp("e-1", "wait=0").statusCode()).isEqualTo(202);
        assertThat(ingest.appender.appended()).hasSize(1);
    }

    @Test
    void waitedDuplicateIsAnsweredWithTheFirstOutcome() {
        ingest.appender.onAppend(event -> {
            // The original was decided while this retry was in flight, and the query side has it now.
            ingest.lookup.record(Outcomes.rejected(
                    "e-6", "wallet:w-1", EventType.WalletToppedUp, RejectionReason.UNKNOWN_WALLET, EARLIER));
            ingest.pending.complete(Outcomes.duplicate("e-6", "wallet:w-1", EventType.WalletToppedUp, NOW));
        });
        HttpResponse<String> response = topUp("e-6", "wait=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(response.body()))
                .isEqualTo(json("{\"eventId\":\"e-6\",\"type\":\"WalletToppedUp\","
                        + "\"key\":\"wallet:w-1\",\"occurredAt\":\"2026-11-27T09:00:00Z\",\"outcome\":\"REJECTED\","
                        + "\"reason\":\"UNKNOWN_WALLET\"}"));
    }

    @Test
    void waitedDuplicateWhoseOriginalIsNotYetReadableIsA202Replay() {
        ingest.appender.onAppend(event ->
                ingest.pending.complete(Outcomes.duplicate("e-7", "wallet:w-1", EventType.WalletToppedUp, NOW)));
        HttpResponse<String> response = topUp("e-7", "wait=5");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void waitsPastTheBoundAreRefusedWith503() {
        ingest.close();
        ingest = new IngestHarness(IngestConfig.defaults(), 1, Optional.empty());
        PendingOutcomes.Wait occupying = ingest.pending.register("other", "wallet:w-9");
        HttpResponse<String> response = topUp("e-8", "wait=5");
        Problems.assertProblem(
                response,
                Problems.unavailable(
                        "too many writes are waiting for their outcome (at most 1); retry, or send without Prefer: wait"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(ingest.appender.appended()).isEmpty();
        occupying.close();
    }

    @Test
    void waitWhileTheBrokerIsDownIsA503AndReleasesTheWait() {
        ingest.appender.down(true);
        assertThat(topUp("e-9", "wait=5").statusCode()).isEqualTo(503);
        assertThat(ingest.pending.pending()).isZero();
    }
}
