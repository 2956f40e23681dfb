package org.kleline.ledger.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.ingest.testing.Problems.assertProblem;
import static org.kleline.ledger.ingest.testing.Problems.body;
import static org.kleline.ledger.ingest.testing.Problems.malformed;
import static org.kleline.ledger.ingest.testing.Problems.validation;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.ingest.testing.IngestHarness;

/** Every kind of refusal of a single write: a 400 problem naming the field, and nothing appended. */
class WriteValidationTest {

    private static final String PLAN = "{\"cardBps\":150,\"cardFixed\":25,\"microBps\":500,\"microFixed\":1,"
            + "\"chargebackFee\":1500,\"partnerShareBps\":2000}";

    private static IngestHarness ingest;

    @BeforeAll
    static void start() {
        ingest = IngestHarness.standard();
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @AfterEach
    void nothingAppended() {
        assertThat(ingest.appender.appended()).isEmpty();
    }

    private static HttpResponse<String> post(String path, String body) {
        return ingest.post(path, body, "Idempotency-Key", "e-1");
    }

    /** A valid top-up asking to wait for its outcome as {@code prefer} says. */
    private static HttpResponse<String> topUpWaiting(String prefer) {
        return ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":100}", "Idempotency-Key", "e-1", "Prefer", prefer);
    }

    /** A write refused with a 400 naming {@code field}: the path, the body, the problem's message. */
    record Refusal(String name, String path, String body, String message, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Refusal refusal(String name, String path, String body, String message, String field) {
        return new Refusal(name, path, body, message, field);
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                refusal(
                        "badIdInTheBodyIsRefusedNamingIt",
                        "/v1/wallets",
                        "{\"walletId\":\"w/1\",\"currency\":\"EUR\"}",
                        "walletId must match [A-Za-z0-9._:-]{1,64}, was 'w/1'",
                        "walletId"),
                refusal(
                        "badIdInThePathIsRefusedNamingIt",
                        "/v1/wallets/w%201/top-ups",
                        "{\"amount\":100}",
                        "walletId must match [A-Za-z0-9._:-]{1,64}, was 'w 1'",
                        "walletId"),
                refusal(
                        "zeroAmountIsRefused",
                        "/v1/wallets/w-1/top-ups",
                        "{\"amount\":0}",
                        "amount must be 1..1000000000000 minor units, was 0",
                        "amount"),
                refusal(
                        "amountAboveOneTrillionIsRefused",
                        "/v1/card-payments/p-1/captures",
                        "{\"amount\":1000000000001}",
                        "amount must be 1..1000000000000 minor units, was 1000000000001",
                        "amount"),
                refusal("missingAmountIsRefused", "/v1/wallets/w-1/redemptions", "{}", "amount is required", "amount"),
                refusal(
                        "unknownCurrencyIsRefused",
                        "/v1/wallets",
                        "{\"walletId\":\"w-1\",\"currency\":\"XYZ\"}",
                        "currency must be an ISO 4217 code known to java.util.Currency with 0..3 fraction digits,"
                                + " was 'XYZ'",
                        "currency"),
                refusal(
                        "feePlanRateAbove10000BpsIsRefusedNamingItsPath",
                        "/v1/merchants",
                        "{\"merchantId\":\"m-1\",\"name\":\"Shop\",\"currency\":\"EUR\"," + "\"feePlan\":"
                                + PLAN.replace("\"cardBps\":150", "\"cardBps\":10001") + "}",
                        "feePlan.cardBps must be 0..10000 basis points, was 10001",
                        "feePlan.cardBps"),
                refusal(
                        "negativeFixedFeeIsRefusedNamingItsPath",
                        "/v1/merchants/m-1/fee-plan",
                        "{\"feePlan\":" + PLAN.replace("\"microFixed\":1", "\"microFixed\":-1") + "}",
                        "feePlan.microFixed must be 0..1000000000000 minor units, was -1",
                        "feePlan.microFixed"),
                refusal(
                        "feePlanWithoutAFieldIsRefusedNamingItsPath",
                        "/v1/merchants/m-1/fee-plan",
                        "{\"feePlan\":" + PLAN.replace(",\"partnerShareBps\":2000", "") + "}",
                        "feePlan.partnerShareBps is required",
                        "feePlan.partnerShareBps"),
                refusal(
                        "unknownFieldIsRefusedNamingIt",
                        "/v1/wallets/w-1/top-ups",
                        "{\"amount\":100,\"colour\":\"red\"}",
                        "unknown field 'colour'",
                        "colour"),
                refusal(
                        "unknownFieldInsideTheFeePlanIsRefusedNamingItsPath",
                        "/v1/merchants/m-1/fee-plan",
                        "{\"feePlan\":" + PLAN.replace("{", "{\"surcharge\":1,") + "}",
                        "unknown field 'feePlan.surcharge'",
                        "feePlan.surcharge"),
                refusal(
                        "idThatThePathGivesMayNotBeInTheBody",
                        "/v1/wallets/w-1/top-ups",
                        "{\"walletId\":\"w-2\",\"amount\":100}",
                        "unknown field 'walletId' (the path gives it)",
                        "walletId"),
                refusal(
                        "bodyThatIsNotAnObjectIsRefused",
                        "/v1/wallets/w-1/top-ups",
                        "[1]",
                        "the body must be a JSON object",
                        null),
                refusal(
                        "effectiveFromEarlierThanOccurredAtIsRefused",
                        "/v1/merchants/m-1/fee-plan",
                        "{\"feePlan\":" + PLAN + ",\"effectiveFrom\":\"2026-11-27T10:15:30.122Z\"}",
                        "effectiveFrom must not be earlier than the event's occurredAt 2026-11-27T10:15:30.123Z,"
                                + " was 2026-11-27T10:15:30.122Z",
                        "effectiveFrom"),
                refusal(
                        "handMadePayoutIdStartingWithPoIsRefused",
                        "/v1/merchants/m-1/payouts",
                        "{\"payoutId\":\"po-m-1-2026-11-26\",\"businessDate\":\"2026-11-26\",\"amount\":500}",
                        "payoutId must not start with po- (reserved for settlement runs), was 'po-m-1-2026-11-26'",
                        "payoutId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aBadWriteIsRefusedNamingTheField(Refusal refusal) {
        assertProblem(post(refusal.path(), refusal.body()), validation(refusal.message(), refusal.field()));
    }

    @Test
    void missingIdempotencyKeyIsRefusedNamingTheHeader() {
        assertProblem(
                ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":100}"),
                validation("Idempotency-Key is required", "Idempotency-Key"));
    }

    @Test
    void invalidIdempotencyKeyIsRefusedNamingTheHeader() {
        assertProblem(
                ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":100}", "Idempotency-Key", "no spaces"),
                validation("Idempotency-Key must match [A-Za-z0-9._:-]{1,64}, was 'no spaces'", "Idempotency-Key"));
    }

    @Test
    void idempotencyKeyLongerThan64IsRefused() {
        String key = "k".repeat(65);
        assertProblem(
                ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":100}", "Idempotency-Key", key),
                validation("Idempotency-Key must match [A-Za-z0-9._:-]{1,64}, was '" + key + "'", "Idempotency-Key"));
    }

    @Test
    void amountGivenAsStringIsRefused() {
        assertProblem(
                post("/v1/wallets/w-1/top-ups", "{\"amount\":\"100\"}"),
                malformed("field 'amount' has the wrong JSON type (expected an integer)", "amount"));
    }

    @Test
    void idGivenAsNumberIsRefused() {
        assertProblem(
                post("/v1/merchants", "{\"merchantId\":7,\"name\":\"Kiosque\"}"),
                malformed("field 'merchantId' has an invalid value 7 (expected a string)", "merchantId"));
    }

    @Test
    void fractionalAmountIsRefused() {
        assertProblem(
                post("/v1/wallets/w-1/top-ups", "{\"amount\":1.5}"),
                malformed("field 'amount' has an invalid value 1.5 (expected an integer)", "amount"));
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() {
        String name = "x".repeat(1024 * 1024);
        assertProblem(
                post("/v1/merchants", "{\"merchantId\":\"m-1\",\"name\":\"" + name + "\"}"),
                body(
                        "payload-too-large",
                        "Request body too large",
                        413,
                        "the request body is larger than the limit",
                        null,
                        null));
    }

    @Test
    void effectiveFromBeyondYear9999IsRefusedNamingItNot500() {
        // Jackson reads it as an Instant; its epoch milliseconds overflow a long.
        assertProblem(
                post(
                        "/v1/merchants/m-1/fee-plan",
                        "{\"feePlan\":" + PLAN + ",\"effectiveFrom\":\"+1000000000-01-01T00:00:00Z\"}"),
                validation(
                        "effectiveFrom must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z,"
                                + " was +1000000000-01-01T00:00:00Z",
                        "effectiveFrom"));
        assertProblem(
                post("/v1/merchants/m-1/fee-plan", "{\"feePlan\":" + PLAN + ",\"effectiveFrom\":9223372036854775807}"),
                validation(
                        "effectiveFrom must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z,"
                                + " was +292278994-08-17T07:12:55.807Z",
                        "effectiveFrom"));
    }

    @Test
    void businessDateBeyondYear9999IsRefusedNamingIt() {
        HttpResponse<String> response = post(
                "/v1/merchants/m-1/payouts",
                "{\"payoutId\":\"pay-1\",\"businessDate\":\"+999999999-12-31\",\"amount\":500}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(IngestHarness.json(response.body()).get("field").asText()).isEqualTo("businessDate");
    }

    @Test
    void badBusinessDateIsRefusedNamingIt() {
        HttpResponse<String> response = post(
                "/v1/merchants/m-1/payouts", "{\"payoutId\":\"pay-1\",\"businessDate\":\"26/11/2026\",\"amount\":500}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(IngestHarness.json(response.body()).get("field").asText()).isEqualTo("businessDate");
    }

    @Test
    void waitLongerThan30SecondsIsRefusedNamingTheHeader() {
        assertProblem(topUpWaiting("wait=31"), validation("Prefer wait must be at most 30 seconds, was 31", "Prefer"));
    }

    @Test
    void waitThatIsNotANumberIsRefusedNamingTheHeader() {
        assertProblem(
                topUpWaiting("wait=soon"),
                validation("Prefer wait must be a whole number of seconds 0..30, was 'soon'", "Prefer"));
    }
}
