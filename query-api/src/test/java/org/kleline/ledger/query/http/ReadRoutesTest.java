package org.kleline.ledger.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kleline.ledger.projector.progress.ProjectorProgress;
import org.kleline.ledger.projector.read.CatchUpBarrier;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.FeePlanAnswer;
import org.kleline.ledger.query.body.FeePlanVersionBody;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.WalletBody;
import org.kleline.ledger.query.reads.AccountBalancesPart;
import org.kleline.ledger.query.reads.TrialBalanceParts;
import org.kleline.ledger.query.settle.CaughtUpSettlements;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.outcome.OutcomeBody;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** The read routes over HTTP, on views a test controls: parameters, status codes, problem bodies, CSV. */
class ReadRoutesTest {

    private static final String EVENTS = "ledger.events";
    private static final String EFFECTS = "app-settlement-effects-repartition";

    private final FakeViews views = new FakeViews();
    private final SetProgress progress = new SetProgress();
    private final CatchUpBarrier barrier =
            new CatchUpBarrier(progress, EVENTS, EFFECTS, Duration.ofMillis(200), Duration.ofMinutes(1));
    private final HttpClient http = HttpClient.newHttpClient();
    private LedgerHttpServer server;

    /** Offsets a test sets; the committed ones of a topic-partition absent until set. */
    private static final class SetProgress implements ProjectorProgress {
        final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
        final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();

        @Override
        public Map<TopicPartition, Long> endOffsets(String topic, Duration timeout) {
            Map<TopicPartition, Long> of = new HashMap<>();
            ends.forEach((p, end) -> {
                if (p.topic().equals(topic)) {
                    of.put(p, end);
                }
            });
            return of;
        }

        @Override
        public Map<TopicPartition, Long> committedOffsets(Set<TopicPartition> partitions, Duration timeout) {
            Map<TopicPartition, Long> of = new HashMap<>(committed);
            of.keySet().retainAll(partitions);
            return of;
        }

        @Override
        public boolean holdsRecords(TopicPartition partition, long fromOffset, long toOffset, Duration timeout) {
            return true;
        }
    }

    @BeforeEach
    void start() {
        server = serve(Optional.of(barrier));
    }

    private LedgerHttpServer serve(Optional<CatchUpBarrier> withBarrier) {
        CaughtUpSettlements caughtUp = new CaughtUpSettlements(views, withBarrier, Runnable::run);
        return LedgerHttpServer.create(0, List.of(new ReadRoutes(views, caughtUp, ZoneId.of("Europe/Paris"))))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        barrier.close();
    }

    @Test
    void aWalletIsAnsweredAsJson() throws Exception {
        views.wallets.put("w-1", new WalletBody("w-1", "EUR", 4_000, 15_000));
        HttpResponse<String> r = get("/v1/wallets/w-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body())
                .isEqualTo("{\"walletId\":\"w-1\",\"currency\":\"EUR\",\"balance\":4000,\"maxBalance\":15000}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/wallets/w-404",
                "/v1/events/ev-404",
                "/v1/card-payments/p-404",
                "/v1/merchants/m-404",
                "/v1/accounts/wallet%3Aw-404/balances",
                "/v1/accounts/partner:pa-404/entries"
            })
    void unknownIdsAre404ProblemDetails(String path) throws Exception {
        HttpResponse<String> r = getAnswering(path, 404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("type").asText()).isEqualTo("urn:kleline:ledger:problem:not-found");
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void aBalanceWhosePartsAddUpBeyondTheRangeOfALongIsA422ProblemNamingTheAccount() throws Exception {
        views.balanceParts.put(
                "merchant:m-1",
                List.of(
                        new AccountBalancesPart(
                                List.of(new BalanceBody("EUR", -(Long.MAX_VALUE - 100), 0, Long.MAX_VALUE - 100)),
                                true,
                                null),
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", -1_000, 0, 1_000)), true, null)));

        HttpResponse<String> r = get("/v1/accounts/merchant%3Am-1/balances");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.path("type").asText()).isEqualTo("urn:kleline:ledger:problem:out-of-range");
        assertThat(problem.path("title").asText())
                .isEqualTo("A figure of the answer is beyond the range of 64-bit minor units");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the debits of account merchant:m-1 in EUR, added over "
                        + "the partitions of the ledger, is beyond the range of a 64-bit count of minor units "
                        + "(-9223372036854775808..9223372036854775807)");
    }

    @Test
    void aTrialBalanceWhosePartsAddUpBeyondTheRangeOfALongIsA422ProblemNamingTheCurrency() throws Exception {
        views.trialBalanceParts = TrialBalanceParts.euroBeyondTheRange();

        HttpResponse<String> r = get("/v1/trial-balance");

        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode problem = json(r);
        assertThat(problem.path("type").asText()).isEqualTo("urn:kleline:ledger:problem:out-of-range");
        assertThat(problem.path("detail").asText()).startsWith("the credits of the trial balance in EUR, added over");
    }

    @Test
    void anAccountIdIsUrlDecodedFromThePath() throws Exception {
        views.balances.put("wallet:w-1", List.of(new BalanceBody("EUR", 500, 500, 0)));
        HttpResponse<String> r = get("/v1/accounts/wallet%3Aw-1/balances");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[{\"currency\":\"EUR\",\"balance\":500,\"credits\":500,\"debits\":0}]");
        assertThat(views.asked).containsExactly("balances wallet:w-1 asOf=null");
    }

    @Test
    void asOfTakesAnInstantOrABusinessDayEndingAtItsLastMillisecond() throws Exception {
        views.balances.put("platform:fees", List.of());
        assertThat(get("/v1/accounts/platform%3Afees/balances?asOf=2024-03-01T10:15:30.123Z")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/accounts/platform%3Afees/balances?asOf=2024-03-01").statusCode())
                .isEqualTo(200);
        // 2024-03-01 in Paris ends at 23:00 UTC.
        assertThat(views.asked)
                .containsExactly(
                        "balances platform:fees asOf=2024-03-01T10:15:30.123Z",
                        "balances platform:fees asOf=2024-03-01T22:59:59.999Z");
    }

    @Test
    void aBalanceAsOfAnInstantBeforeTheHistoryKeptIsA400NamingAsOfAndTheHorizon() throws Exception {
        views.balances.put("wallet:w-1", List.of());
        views.keptFrom = Instant.parse("2024-03-01T02:00:00Z");
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=2024-03-01T01:59:59.999Z", "asOf");
        assertThat(json(get("/v1/accounts/wallet%3Aw-1/balances?asOf=2024-02-01T00:00:00Z"))
                        .path("detail")
                        .asText())
                .contains("2024-03-01T02:00:00Z")
                .contains("ledger.history.retention.ms");
        assertThat(get("/v1/accounts/wallet%3Aw-1/balances?asOf=2024-03-01T02:00:00Z")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badParametersAre400NamingTheField() throws Exception {
        views.balances.put("wallet:w-1", List.of());
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=yesterday", "asOf");
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=2024-02-30", "asOf");
        assertField("/v1/accounts/bank%3Ab-1/balances", "accountId");
        assertField("/v1/accounts/wallet%3Aw-1/entries?limit=1001", "limit");
        assertField("/v1/accounts/wallet%3Aw-1/entries?limit=0", "limit");
        assertField("/v1/accounts/wallet%3Aw-1/entries?limit=ten", "limit");
        assertField("/v1/accounts/wallet%3Aw-1/entries?from=2024-03-02&to=2024-03-01", "from");
        assertField("/v1/accounts/wallet%3Aw-1/entries?cursor=AAAA", "cursor");
        assertField("/v1/accounts/wallet%3Aw-1/entries?limit=5&limit=6", "limit");
        assertField("/v1/accounts/wallet%3Aw-1/entries?page=2", "page");
        assertField("/v1/wallets/w%201", "walletId");
        assertField("/v1/events/" + "e".repeat(81), "eventId");
        assertField("/v1/settlements/2024-3-1", "date");
        assertField("/v1/settlements/2024-03-01?caughtUp=yes", "caughtUp");
        assertField("/v1/settlements/2024-03-01?caughtUp=true&caughtUp=true", "caughtUp");
        assertField("/v1/merchants/m-1/settlements?from=2024-03-05&to=2024-03-01", "from");
        assertField("/v1/merchants/m-1/settlements?to=March", "to");
        assertField("/v1/trial-balance?currency=EUR", "currency");
        assertThat(views.asked).isEmpty();
    }

    @Test
    void instantsAndDatesOutsideYears1To9999Are400NamingTheParameterNot500() throws Exception {
        views.balances.put("wallet:w-1", List.of());
        // Instant.parse takes these; their epoch milliseconds overflow a long.
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=%2B1000000000-01-01T00:00:00Z", "asOf");
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=-1000000000-01-01T00:00:00Z", "asOf");
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=%2B10000-01-01T00:00:00Z", "asOf");
        assertField("/v1/accounts/wallet%3Aw-1/balances?asOf=0000-12-31T23:59:59.999Z", "asOf");
        assertField("/v1/accounts/wallet%3Aw-1/entries?from=%2B1000000000-01-01T00:00:00Z", "from");
        assertField("/v1/accounts/wallet%3Aw-1/entries?to=-1000000000-01-01T00:00:00Z", "to");
        assertField("/v1/accounts/wallet%3Aw-1/entries?from=0000-01-01", "from");
        assertField("/v1/merchants/m-1/settlements?to=0000-06-30", "to");
        assertField("/v1/settlements/0000-01-01", "date");
        assertThat(json(get("/v1/accounts/wallet%3Aw-1/balances?asOf=%2B1000000000-01-01T00:00:00Z"))
                        .path("detail")
                        .asText())
                .contains("0001-01-01T00:00:00Z")
                .contains("9999-12-31T23:59:59.999Z");
        assertThat(views.asked).isEmpty();
        assertThat(get("/v1/accounts/wallet%3Aw-1/balances?asOf=9999-12-31T23:59:59.999Z")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/accounts/wallet%3Aw-1/balances?asOf=0001-01-01T00:00:00Z")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/accounts/wallet%3Aw-1/balances?asOf=9999-12-31").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLimitOf1000IsTheMostAPageHolds() throws Exception {
        views.balances.put("wallet:w-1", List.of());
        assertThat(get("/v1/accounts/wallet%3Aw-1/entries?limit=1000").statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/accounts/wallet%3Aw-1/entries").statusCode()).isEqualTo(200);
        assertThat(views.asked)
                .containsExactly(
                        "entries wallet:w-1 from=" + Long.MIN_VALUE + " to=" + Long.MAX_VALUE
                                + " after=null limit=1000",
                        "entries wallet:w-1 from=" + Long.MIN_VALUE + " to=" + Long.MAX_VALUE
                                + " after=null limit=100");
    }

    @Test
    void emptyParametersAreAbsentOnes() throws Exception {
        views.balances.put("wallet:w-1", List.of());
        assertThat(get("/v1/accounts/wallet%3Aw-1/entries?from=&to=&limit=&cursor=")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/accounts/wallet%3Aw-1/balances?asOf=").statusCode()).isEqualTo(200);
        assertThat(views.asked)
                .containsExactly(
                        "entries wallet:w-1 from=" + Long.MIN_VALUE + " to=" + Long.MAX_VALUE + " after=null limit=100",
                        "balances wallet:w-1 asOf=null");
    }

    @Test
    void aCursorGivenBackIsReadAsThePositionItNames() throws Exception {
        views.balances.put("wallet:w-1", List.of());
        String cursor = new StatementCursor("EUR", 1_000, "ev-9").encode("wallet:w-1");
        assertThat(get("/v1/accounts/wallet%3Aw-1/entries?from=2024-03-01&cursor=" + cursor)
                        .statusCode())
                .isEqualTo(200);
        assertThat(views.asked)
                .containsExactly("entries wallet:w-1 from=1709247600000 to=" + Long.MAX_VALUE
                        + " after=StatementCursor[currency=EUR, occurredAtMs=1000, eventId=ev-9] limit=100");
    }

    @Test
    void settlementsOfADateAreJsonByDefaultAndCsvWithAHeaderOnAcceptTextCsv() throws Exception {
        LocalDate date = LocalDate.parse("2024-03-01");
        views.rowsByDate.put(
                date,
                List.of(
                        new SettlementRowBody(
                                "m-1", date, "EUR", 2, 11_000, 3_000, 0, 500, 100, 7_500, 7_500, 1, "PAID"),
                        new SettlementRowBody("m-2", date, "JPY", 1, 900, 0, 0, 46, 0, 854, 0, 0, "OPEN")));
        HttpResponse<String> asJson = get("/v1/settlements/2024-03-01");
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(json(asJson).size()).isEqualTo(2);
        assertThat(json(asJson).get(1).path("net").asLong()).isEqualTo(854);

        HttpResponse<String> csv = http.send(
                HttpRequest.newBuilder(uri("/v1/settlements/2024-03-01"))
                        .header("Accept", "text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body())
                .isEqualTo(
                        "merchantId,date,currency,count,gross,refunds,chargebacks,fees,commission,net,paidOut,payouts,status\r\n"
                                + "m-1,2024-03-01,EUR,2,11000,3000,0,500,100,7500,7500,1,PAID\r\n"
                                + "m-2,2024-03-01,JPY,1,900,0,0,46,0,854,0,0,OPEN\r\n");
    }

    @Test
    void aSettlementSummarySumsTheRowsOfThePeriodPerCurrencyDateMerchantAndPartnerAndListsTheOpenRows()
            throws Exception {
        LocalDate first = LocalDate.parse("2024-03-01");
        LocalDate second = first.plusDays(1);
        views.rowsByDate.put(
                first,
                List.of(
                        new SettlementRowBody(
                                "m-1", first, "EUR", 2, 11_000, 3_000, 0, 500, 100, 7_500, 7_500, 1, "PAID"),
                        new SettlementRowBody("m-2", first, "EUR", 1, 900, 0, 0, 46, 10, 854, 400, 1, "OPEN"),
                        new SettlementRowBody("m-3", first, "JPY", 1, 900, 0, 0, 46, 0, 854, 0, 0, "OPEN")));
        views.rowsByDate.put(
                second,
                List.of(new SettlementRowBody(
                        "m-1", second, "EUR", 1, 2_000, 0, 5_000, 1_040, 200, -4_040, 0, 0, "OPEN")));
        // Outside the period: not summed.
        views.rowsByDate.put(
                second.plusDays(1),
                List.of(new SettlementRowBody("m-1", second.plusDays(1), "EUR", 1, 1, 0, 0, 0, 0, 1, 0, 0, "OPEN")));
        views.profiles.add(profile("m-1", "p-1"));
        views.profiles.add(profile("m-2", "p-1"));
        views.profiles.add(profile("m-3", null));

        HttpResponse<String> r = get(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2024-03-01&to=2024-03-02");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode summary = json(r);
        assertThat(summary.path("totals").toString())
                .isEqualTo("[{\"currency\":\"EUR\",\"decimals\":2,\"merchants\":2,\"figures\":{\"rows\":3,\"count\":4,"
                        + "\"gross\":13900,\"refunds\":3000,\"chargebacks\":5000,\"fees\":1586,\"commission\":310,"
                        + "\"net\":4314,\"paidOut\":7900,\"payouts\":2}},"
                        + "{\"currency\":\"JPY\",\"decimals\":0,\"merchants\":1,\"figures\":{\"rows\":1,\"count\":1,"
                        + "\"gross\":900,\"refunds\":0,\"chargebacks\":0,\"fees\":46,\"commission\":0,"
                        + "\"net\":854,\"paidOut\":0,\"payouts\":0}}]");
        assertThat(summary.path("days").size()).isEqualTo(3);
        assertThat(summary.path("days").get(0).path("figures").path("gross").asLong())
                .isEqualTo(11_900);
        assertThat(summary.path("days").get(2).path("date").asText()).isEqualTo("2024-03-02");
        assertThat(summary.path("merchants").get(0).path("merchantId").asText()).isEqualTo("m-1");
        assertThat(summary.path("merchants").get(0).path("partnerId").asText()).isEqualTo("p-1");
        assertThat(summary.path("merchants").get(0).path("name").asText()).isEqualTo("Shop m-1");
        assertThat(summary.path("merchants").get(0).path("figures").path("net").asLong())
                .isEqualTo(3_460);
        assertThat(summary.path("partners").get(0).path("partnerId").asText()).isEqualTo("p-1");
        assertThat(summary.path("partners").get(0).path("merchants").asInt()).isEqualTo(2);
        assertThat(summary.path("partners")
                        .get(0)
                        .path("figures")
                        .path("commission")
                        .asLong())
                .isEqualTo(310);
        assertThat(summary.path("partners").get(1).has("partnerId")).isFalse();
        assertThat(summary.path("openRows").asLong()).isEqualTo(3);
        assertThat(summary.path("open").findValuesAsText("merchantId")).containsExactly("m-2", "m-3", "m-1");
    }

    @Test
    void aSettlementSummaryNeedsBothDatesInOrderOverTenYearsAtMost() throws Exception {
        assertField(ReadRoutes.SETTLEMENT_SUMMARY + "?to=2024-03-01", "from");
        assertField(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2024-03-01", "to");
        assertField(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2024-03-02&to=2024-03-01", "from");
        assertField(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2000-01-01&to=2010-01-01", "to");
        assertField(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2024-02-30&to=2024-03-01", "from");
        assertField(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2024-03-01&to=2024-03-01&merchantId=m-1", "merchantId");
        assertThat(get(ReadRoutes.SETTLEMENT_SUMMARY + "?from=2000-01-01&to=2009-12-31")
                        .statusCode())
                .isEqualTo(200);
    }

    private static MerchantAnswer profile(String merchantId, String partnerId) {
        return new MerchantAnswer(
                merchantId,
                "Shop " + merchantId,
                partnerId,
                "EUR",
                Instant.parse("2024-01-01T00:00:00Z"),
                List.of(new FeePlanVersionBody(
                        Instant.parse("2024-01-01T00:00:00Z"), new FeePlanAnswer(200, 20, 500, 2, 1000, 3000))));
    }

    @Test
    void aDateWithoutRowsIsAnEmptyListOrAHeaderOnlyCsv() throws Exception {
        assertThat(get("/v1/settlements/2024-01-01").body()).isEqualTo("[]");
        HttpResponse<String> csv = http.send(
                HttpRequest.newBuilder(uri("/v1/settlements/2024-01-01"))
                        .header("Accept", "application/json;q=0.5, text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body())
                .isEqualTo(
                        "merchantId,date,currency,count,gross,refunds,chargebacks,fees,commission,net,paidOut,payouts,status\r\n");
    }

    @Test
    void caughtUpRowsAreReadOnceTheProjectorHasAppliedTheWholeLog() throws Exception {
        LocalDate date = LocalDate.parse("2024-03-01");
        views.rowsByDate.put(
                date,
                List.of(new SettlementRowBody("m-1", date, "EUR", 2, 11_000, 3_000, 0, 500, 100, 7_500, 0, 0, "OPEN")));
        progress.ends.put(new TopicPartition(EVENTS, 0), 12L);
        progress.committed.put(new TopicPartition(EVENTS, 0), 12L);
        progress.ends.put(new TopicPartition(EFFECTS, 2), 4L);
        progress.committed.put(new TopicPartition(EFFECTS, 2), 4L);

        HttpResponse<String> r = get("/v1/settlements/2024-03-01?caughtUp=true");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo("[{\"merchantId\":\"m-1\",\"date\":\"2024-03-01\",\"currency\":\"EUR\","
                        + "\"count\":2,\"gross\":11000,\"refunds\":3000,\"chargebacks\":0,\"fees\":500,\"commission\":100,"
                        + "\"net\":7500,\"paidOut\":0,\"payouts\":0,\"status\":\"OPEN\"}]");
        assertThat(views.asked).containsExactly("settlements 2024-03-01");
    }

    @Test
    void caughtUpRowsOfAProjectorBehindAre503WithRetryAfterAndAreNeverRead() throws Exception {
        progress.ends.put(new TopicPartition(EVENTS, 1), 9L);
        progress.committed.put(new TopicPartition(EVENTS, 1), 6L);

        HttpResponse<String> r = get("/v1/settlements/2024-03-01?caughtUp=true");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).path("detail").asText())
                .isEqualTo("the projector is behind the log after 200 ms: ledger.events partition 1 read to 6 of 9");
        assertThat(views.asked).isEmpty();
    }

    @Test
    void withoutCaughtUpTheRowsAreReadAtOnceWhateverTheProjectorsProgress() throws Exception {
        progress.ends.put(new TopicPartition(EVENTS, 1), 9L);
        assertThat(get("/v1/settlements/2024-03-01?caughtUp=false").statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/settlements/2024-03-01").statusCode()).isEqualTo(200);
        assertThat(views.asked).containsExactly("settlements 2024-03-01", "settlements 2024-03-01");
    }

    @Test
    void aNodeWithoutACatchUpBarrierAnswersCaughtUpRowsWith503() throws Exception {
        server.close();
        server = serve(Optional.empty());
        HttpResponse<String> r = get("/v1/settlements/2024-03-01?caughtUp=true");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).path("detail").asText()).contains("no catch-up barrier");
        assertThat(views.asked).isEmpty();
    }

    @Test
    void csvRefusedWithQualityZeroIsNotChosen() {
        assertThat(SettlementCsv.wanted("text/csv;q=0, application/json")).isFalse();
        assertThat(SettlementCsv.wanted("TEXT/CSV")).isTrue();
        assertThat(SettlementCsv.wanted("*/*")).isFalse();
        assertThat(SettlementCsv.wanted(null)).isFalse();
    }

    @Test
    void theTrialBalanceListsEveryCurrency() throws Exception {
        HttpResponse<String> r = get("/v1/trial-balance");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo(
                        "[{\"currency\":\"EUR\",\"total\":0,\"accounts\":3,\"credits\":100,\"debits\":100,\"postings\":4}]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/wallets/w-1",
                "/v1/trial-balance",
                "/v1/settlements/2024-03-01",
                "/v1/accounts/platform%3Afees/entries",
                "/v1/events/ev-1"
            })
    void viewsThatCannotAnswerNowAre503WithRetryAfterAndAProblem(String path) throws Exception {
        views.unavailable = true;
        HttpResponse<String> r = getAnswering(path, 503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(r).path("detail").asText()).contains("REBALANCING");
    }

    @Test
    void aBulkReadOfOutcomesAnswersEachAsTheSingleReadDoesInTheOrderAskedAndListsTheUnknown() throws Exception {
        views.outcomes.put(
                "ev-2",
                new OutcomeBody(
                        "ev-2",
                        "WalletToppedUp",
                        "wallet:w-1",
                        Instant.parse("2024-03-01T10:15:30.123Z"),
                        "ACCEPTED",
                        null,
                        List.of(
                                new OutcomeBody.PostingBody("platform:float", "EUR", -500),
                                new OutcomeBody.PostingBody("wallet:w-1", "EUR", 500)),
                        null,
                        null));
        views.outcomes.put(
                "ev-1",
                new OutcomeBody(
                        "ev-1",
                        "MicropaymentRequested",
                        "wallet:w-1",
                        Instant.parse("2024-03-01T10:15:31Z"),
                        "REJECTED",
                        "INSUFFICIENT_FUNDS",
                        null,
                        null,
                        null));

        HttpResponse<String> r = post(ReadRoutes.OUTCOME_LOOKUP, "{\"eventIds\":[\"ev-2\",\"ev-404\",\"ev-1\"]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo("{\"outcomes\":[" + get("/v1/events/ev-2").body() + ","
                        + get("/v1/events/ev-1").body() + "],\"unknown\":[\"ev-404\"]}");
        assertThat(json(r).path("outcomes").get(1).path("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(views.asked).startsWith("outcomes 3 from ev-2");
    }

    @Test
    void aBulkReadTakesAThousandEventIdsAtMost() throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            ids.append(i == 0 ? "" : ",").append("\"ev-").append(i).append('"');
        }
        HttpResponse<String> thousand = post(ReadRoutes.OUTCOME_LOOKUP, "{\"eventIds\":[" + ids + "]}");
        assertThat(thousand.statusCode()).isEqualTo(200);
        assertThat(json(thousand).path("unknown").size()).isEqualTo(1_000);
        assertThat(json(thousand).path("outcomes").size()).isZero();

        HttpResponse<String> more = post(ReadRoutes.OUTCOME_LOOKUP, "{\"eventIds\":[" + ids + ",\"ev-1000\"]}");
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(json(more).path("field").asText()).isEqualTo("eventIds");
        assertThat(json(more).path("detail").asText()).isEqualTo("eventIds must hold 1 to 1000 event ids, was 1001");
        assertThat(views.asked).containsExactly("outcomes 1000 from ev-0");
    }

    @Test
    void badBulkReadsAre400NamingTheField() throws Exception {
        assertBodyField("{}", "eventIds");
        assertBodyField("{\"eventIds\":null}", "eventIds");
        assertBodyField("{\"eventIds\":[]}", "eventIds");
        assertBodyField("{\"eventIds\":\"ev-1\"}", "eventIds");
        assertBodyField("{\"eventIds\":[\"ev-1\",\"ev 2\"]}", "eventIds[1]");
        assertBodyField("{\"eventIds\":[\"ev-1\",null]}", "eventIds[1]");
        assertBodyField("{\"eventIds\":[\"ev-1\",[\"ev-2\"]]}", "eventIds[1]");
        assertBodyField("{\"eventIds\":[\"ev-1\",\"ev-2\",\"ev-1\"]}", "eventIds[2]");
        assertBodyField("{\"eventIds\":[\"ev-1\"],\"limit\":5}", "limit");
        HttpResponse<String> withParameter = post(ReadRoutes.OUTCOME_LOOKUP + "?wait=1", "{\"eventIds\":[\"ev-1\"]}");
        assertThat(withParameter.statusCode()).isEqualTo(400);
        assertThat(json(withParameter).path("field").asText()).isEqualTo("wait");
        HttpResponse<String> notJson = post(ReadRoutes.OUTCOME_LOOKUP, "ev-1,ev-2");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(notJson).path("detail").asText()).startsWith("the body is not valid JSON");
        assertThat(views.asked).isEmpty();
    }

    @Test
    void aBulkReadTheViewsCannotAnswerNowIs503() throws Exception {
        views.unavailable = true;
        HttpResponse<String> r = post(ReadRoutes.OUTCOME_LOOKUP, "{\"eventIds\":[\"ev-1\"]}");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }

    private void assertBodyField(String body, String field) throws Exception {
        HttpResponse<String> r = post(ReadRoutes.OUTCOME_LOOKUP, body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).path("field").asText()).as(body + " " + r.body()).isEqualTo(field);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertField(String path, String field) throws Exception {
        HttpResponse<String> r = getAnswering(path, 400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).path("field").asText()).as(path + " " + r.body()).isEqualTo(field);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer to a GET of {@code path}, its status asserted (the path named when it differs). */
    private HttpResponse<String> getAnswering(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        return r;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return LedgerJson.mapper().readTree(r.body());
    }
}
