package org.kleline.ledger.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.ingest.testing.IngestHarness.NOW;
import static org.kleline.ledger.ingest.testing.IngestHarness.json;
import static org.kleline.ledger.ingest.testing.Problems.assertProblem;
import static org.kleline.ledger.ingest.testing.Problems.validationAtLine;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.config.ImportWindow;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.testing.IngestHarness;
import org.kleline.ledger.ingest.testing.Problems;

/** POST /v1/events: all lines valid and appended in one batch, or a 400 naming the first bad line and nothing appended. */
class BulkWritesTest {

    private static final String OPEN =
            "{\"type\":\"WalletOpened\",\"eventId\":\"b-1\",\"walletId\":\"w-1\",\"currency\":\"EUR\"}";
    private static final String TOP_UP =
            "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"walletId\":\"w-1\",\"amount\":400}";

    private IngestHarness ingest = IngestHarness.standard();

    @AfterEach
    void stop() {
        ingest.close();
    }

    private HttpResponse<String> bulk(String ndjson) {
        return ingest.post("/v1/events", ndjson, "Content-Type", "application/x-ndjson");
    }

    @Test
    void everyLineIsAppendedInOneBatchStampedNow() {
        HttpResponse<String> response = bulk(OPEN + "\n" + TOP_UP + "\n");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body())).isEqualTo(json("{\"accepted\":2}"));
        assertThat(ingest.appender.batches()).hasSize(1);
        assertThat(ingest.appender.batches().get(0))
                .containsExactly(
                        new KeyedEvent(
                                "wallet:w-1",
                                new EventEnvelope("b-1", NOW, new WalletOpened("w-1", "EUR", 15_000L), null, null)),
                        new KeyedEvent(
                                "wallet:w-1",
                                new EventEnvelope("b-2", NOW, new WalletToppedUp("w-1", 400L), null, null)));
    }

    @Test
    void blankLinesAndCarriageReturnsAreSkipped() {
        HttpResponse<String> response = bulk(OPEN + "\r\n\r\n" + TOP_UP);
        assertThat(json(response.body())).isEqualTo(json("{\"accepted\":2}"));
    }

    @Test
    void firstBadLineIsNamedAndNothingIsAppended() {
        String bad = "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-3\",\"walletId\":\"w-1\",\"amount\":0}";
        assertProblem(
                bulk(OPEN + "\n" + TOP_UP + "\n" + bad + "\n" + bad),
                validationAtLine("amount must be 1..1000000000000 minor units, was 0", "amount", 3));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void lineNumbersCountBlankLines() {
        String bad = "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-3\",\"walletId\":\"w-1\",\"amount\":1,\"x\":1}";
        assertProblem(bulk(OPEN + "\n\n" + bad), validationAtLine("unknown field 'x'", "x", 3));
    }

    @Test
    void unknownTypeIsRefusedNamingTheLine() {
        assertProblem(
                bulk("{\"type\":\"WalletClosed\",\"eventId\":\"b-1\",\"walletId\":\"w-1\"}"),
                validationAtLine(
                        "type 'WalletClosed' is not an event type; one of MerchantOnboarded, "
                                + "MerchantFeePlanChanged, WalletOpened, WalletToppedUp, WalletRedeemed, MicropaymentRequested, "
                                + "CardPaymentAuthorized, CardPaymentCaptured, CardPaymentRefunded, CardPaymentChargedBack, "
                                + "MerchantPaidOut",
                        "type",
                        1));
    }

    @Test
    void missingEventIdIsRefusedNamingTheLine() {
        assertProblem(
                bulk(OPEN + "\n{\"type\":\"WalletToppedUp\",\"walletId\":\"w-1\",\"amount\":1}"),
                validationAtLine("eventId is required", "eventId", 2));
    }

    @Test
    void lineThatIsNotJsonIsRefusedNamingTheLine() {
        HttpResponse<String> response = bulk(OPEN + "\nnot json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("line").asInt()).isEqualTo(2);
        assertThat(json(response.body()).get("type").asText()).isEqualTo("urn:kleline:ledger:problem:malformed-json");
    }

    @Test
    void occurredAtIsRefusedWithoutImport() {
        assertProblem(
                bulk("{\"type\":\"WalletOpened\",\"eventId\":\"b-1\",\"occurredAt\":\"2020-01-01T00:00:00Z\","
                        + "\"walletId\":\"w-1\",\"currency\":\"EUR\"}"),
                validationAtLine(
                        "occurredAt is honoured only by the admin import (a server started with import "
                                + "enabled); leave it out and ingest stamps the event",
                        "occurredAt",
                        1));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void occurredAtIsHonouredByTheImportAsIsoOrEpochMillis() {
        ingest.close();
        ingest = new IngestHarness(IngestConfig.defaults().withImportEnabled(true), 10, Optional.empty());
        HttpResponse<String> response =
                bulk("{\"type\":\"WalletOpened\",\"eventId\":\"b-1\",\"occurredAt\":\"2020-01-01T00:00:00.5Z\","
                        + "\"walletId\":\"w-1\",\"currency\":\"EUR\"}\n"
                        + "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"occurredAt\":1577836801000,"
                        + "\"walletId\":\"w-1\",\"amount\":5}\n"
                        + TOP_UP.replace("b-2", "b-3"));
        assertThat(json(response.body())).isEqualTo(json("{\"accepted\":3}"));
        assertThat(ingest.appender.appended())
                .extracting(e -> e.envelope().getOccurredAt())
                .containsExactly(Instant.parse("2020-01-01T00:00:00.500Z"), Instant.parse("2020-01-01T00:00:01Z"), NOW);
    }

    @Test
    void importedTimesMustLieBetweenTheEarliestAndIngestsClockPlusTheSkew() {
        ingest.close();
        ingest = new IngestHarness(IngestConfig.defaults().withImportEnabled(true), 10, Optional.empty());
        String open = "{\"type\":\"WalletOpened\",\"eventId\":\"b-1\",\"walletId\":\"w-1\",\"currency\":\"EUR\","
                + "\"occurredAt\":";
        // NOW is 2026-11-27T10:15:30.123Z; the default skew is 5 minutes, the default earliest 1990-01-01.
        assertProblem(
                bulk(TOP_UP + "\n" + open + "\"2026-11-27T10:20:30.124Z\"}"),
                validationAtLine(
                        "occurredAt must not be after 2026-11-27T10:20:30.123Z (ingest's clock plus 300 s),"
                                + " was 2026-11-27T10:20:30.124Z",
                        "occurredAt",
                        2));
        assertProblem(
                bulk(open + "\"2999-01-01T00:00:00Z\"}"),
                validationAtLine(
                        "occurredAt must not be after 2026-11-27T10:20:30.123Z (ingest's clock plus 300 s),"
                                + " was 2999-01-01T00:00:00Z",
                        "occurredAt",
                        1));
        assertProblem(
                bulk(open + "\"+1000000000-01-01T00:00:00Z\"}"),
                validationAtLine(
                        "occurredAt must not be after 2026-11-27T10:20:30.123Z (ingest's clock plus 300 s),"
                                + " was +1000000000-01-01T00:00:00Z",
                        "occurredAt",
                        1));
        assertProblem(
                bulk(open + "\"1989-12-31T23:59:59.999Z\"}"),
                validationAtLine(
                        "occurredAt must not be before 1990-01-01T00:00:00Z (the earliest time an import takes),"
                                + " was 1989-12-31T23:59:59.999Z",
                        "occurredAt",
                        1));
        assertProblem(
                bulk(open + "-9223372036854775808}"),
                validationAtLine(
                        "occurredAt must not be before 1990-01-01T00:00:00Z (the earliest time an import takes),"
                                + " was -292275055-05-16T16:47:04.192Z",
                        "occurredAt",
                        1));
        String plan =
                "{\"cardBps\":1,\"cardFixed\":0,\"microBps\":1,\"microFixed\":0,\"chargebackFee\":0,\"partnerShareBps\":0}";
        assertProblem(
                bulk("{\"type\":\"MerchantFeePlanChanged\",\"eventId\":\"b-1\",\"occurredAt\":\"2020-01-02T00:00:00Z\","
                        + "\"merchantId\":\"m-1\",\"feePlan\":" + plan
                        + ",\"effectiveFrom\":\"3000-01-01T00:00:00Z\"}"),
                validationAtLine(
                        "effectiveFrom must not be after 2026-11-27T10:20:30.123Z (ingest's clock plus 300 s),"
                                + " was 3000-01-01T00:00:00Z",
                        "effectiveFrom",
                        1));
        assertThat(ingest.appender.appended()).isEmpty();

        HttpResponse<String> edges = bulk(open + "\"2026-11-27T10:20:30.123Z\"}\n"
                + open.replace("b-1", "b-2").replace("w-1", "w-2") + "\"1990-01-01T00:00:00Z\"}");
        assertThat(json(edges.body())).isEqualTo(json("{\"accepted\":2}"));
    }

    @Test
    void theImportWindowIsConfigured() {
        ingest.close();
        ingest = new IngestHarness(
                IngestConfig.defaults()
                        .withImportEnabled(true)
                        .withImportWindow(new ImportWindow(Instant.parse("1900-01-01T00:00:00Z"), Duration.ZERO)),
                10,
                Optional.empty());
        String open = "{\"type\":\"WalletOpened\",\"eventId\":\"b-1\",\"walletId\":\"w-1\",\"currency\":\"EUR\","
                + "\"occurredAt\":";
        assertProblem(
                bulk(open + "\"2026-11-27T10:15:30.124Z\"}"),
                validationAtLine(
                        "occurredAt must not be after 2026-11-27T10:15:30.123Z (ingest's clock plus 0 s),"
                                + " was 2026-11-27T10:15:30.124Z",
                        "occurredAt",
                        1));
        assertThat(json(bulk(open + "\"1950-01-01T00:00:00Z\"}").body())).isEqualTo(json("{\"accepted\":1}"));
    }

    @Test
    void importStillRefusesAnEffectiveFromEarlierThanTheLinesOccurredAt() {
        ingest.close();
        ingest = new IngestHarness(IngestConfig.defaults().withImportEnabled(true), 10, Optional.empty());
        String plan =
                "{\"cardBps\":1,\"cardFixed\":0,\"microBps\":1,\"microFixed\":0,\"chargebackFee\":0,\"partnerShareBps\":0}";
        assertProblem(
                bulk("{\"type\":\"MerchantFeePlanChanged\",\"eventId\":\"b-1\",\"occurredAt\":\"2020-01-02T00:00:00Z\","
                        + "\"merchantId\":\"m-1\",\"feePlan\":" + plan
                        + ",\"effectiveFrom\":\"2020-01-01T00:00:00Z\"}"),
                validationAtLine(
                        "effectiveFrom must not be earlier than the event's occurredAt 2020-01-02T00:00:00Z,"
                                + " was 2020-01-01T00:00:00Z",
                        "effectiveFrom",
                        1));
    }

    /** {@code count} NDJSON lines, each a top-up of wallet w by 1 with event ids 1 to {@code count}. */
    private static String topUpLines(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(
                        i -> "{\"type\":\"WalletToppedUp\",\"eventId\":\"" + i + "\",\"walletId\":\"w\",\"amount\":1}")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void moreThan10000LinesAreRefusedNamingTheFirstLinePastTheLimit() {
        String lines = topUpLines(10_001);
        assertProblem(bulk(lines), validationAtLine("at most 10000 events in one body", null, 10_001));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void exactly10000LinesAreAccepted() {
        String lines = topUpLines(10_000);
        assertThat(json(bulk(lines).body())).isEqualTo(json("{\"accepted\":10000}"));
    }

    @Test
    void brokerDownIsA503AndNothingIsAppended() {
        ingest.appender.down(true);
        HttpResponse<String> response = bulk(OPEN + "\n" + TOP_UP);
        assertProblem(response, Problems.unavailable("the batch of 2 events was not appended"));
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void handMadePoPayoutIsRefusedOnTheBulkPathToo() {
        assertProblem(
                bulk("{\"type\":\"MerchantPaidOut\",\"eventId\":\"po-m-1-2026-11-26\",\"merchantId\":\"m-1\","
                        + "\"payoutId\":\"po-m-1-2026-11-26\",\"businessDate\":\"2026-11-26\",\"amount\":10}"),
                validationAtLine(
                        "payoutId must not start with po- (reserved for settlement runs), was 'po-m-1-2026-11-26'",
                        "payoutId",
                        1));
    }
}
