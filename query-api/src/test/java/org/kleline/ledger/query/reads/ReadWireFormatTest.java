package org.kleline.ledger.query.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.FeePlanAnswer;
import org.kleline.ledger.query.body.FeePlanVersionBody;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.routing.ReadRequest;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.query.statement.StatementLine;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.outcome.OutcomeBody;

/** A forwarded read is JSON both ways: what one node sends, the owner reads back as the same read. */
class ReadWireFormatTest {

    private final ObjectMapper mapper = LedgerJson.mapper();

    @Test
    void everyReadSurvivesTheTripToTheOwnerUnchanged() throws Exception {
        List<ViewRead<?>> reads = List.of(
                new OutcomeRead("ev-1"),
                new KeyedOutcomeRead("ev-1", "wallet:w-1"),
                new WalletRead("w-1"),
                new CardPaymentRead("p-1"),
                new MerchantRead("m-1"),
                new AccountBalancesRead("platform:fees", null),
                new AccountBalancesRead("wallet:w-1", 1_709_287_200_000L),
                new StatementRead("platform:fees", Long.MIN_VALUE, Long.MAX_VALUE, null, 1000),
                new StatementRead("wallet:w-1", 0, 10, new StatementCursor("EUR", 5, "ev-3"), 2),
                new TrialBalanceRead(),
                new SettlementsOnRead(LocalDate.parse("2024-03-01")),
                new MerchantSettlementsRead("m-1", null, LocalDate.parse("2024-03-31")),
                new OutcomesRead(List.of("ev-1", "ev-4", "po-m-1-2024-03-01")));
        for (ViewRead<?> read : reads) {
            ReadRequest sent = new ReadRequest(read, Set.of(0, 2));
            byte[] json = mapper.writeValueAsBytes(sent);
            assertThat(mapper.readValue(json, ReadRequest.class))
                    .as(new String(json))
                    .isEqualTo(sent);
        }
    }

    @Test
    void aReadIsNamedByItsKindAndItsOwnFieldsOnly() throws Exception {
        assertThat(mapper.writeValueAsString(new WalletRead("w-1")))
                .isEqualTo("{\"read\":\"wallet\",\"walletId\":\"w-1\"}");
    }

    @Test
    void aReadWithAnUnknownFieldIsRefused() {
        String json = "{\"read\":{\"read\":\"wallet\",\"walletId\":\"w-1\",\"extra\":1},\"partitions\":[0]}";
        assertThatThrownBy(() -> mapper.readValue(json, ReadRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void answersSurviveTheTripBackUnchanged() throws Exception {
        MerchantAnswer profile = new MerchantAnswer(
                "m-1",
                "Shop",
                null,
                "EUR",
                Instant.parse("2024-03-01T10:00:00Z"),
                List.of(new FeePlanVersionBody(
                        Instant.parse("2024-03-01T10:00:00Z"), new FeePlanAnswer(250, 25, 500, 1, 1500, 2000))));
        assertThat(roundTrip(new MerchantRead("m-1"), profile)).isEqualTo(profile);

        OutcomeBody outcome = new OutcomeBody(
                "ev-1",
                "WalletToppedUp",
                "wallet:w-1",
                Instant.parse("2024-03-01T10:00:00.123Z"),
                "ACCEPTED",
                null,
                List.of(
                        new OutcomeBody.PostingBody("wallet:w-1", "EUR", 500),
                        new OutcomeBody.PostingBody("platform:card-clearing", "EUR", -500)),
                null,
                null);
        assertThat(roundTrip(new OutcomeRead("ev-1"), outcome)).isEqualTo(outcome);
        assertThat(roundTrip(new OutcomesRead(List.of("ev-1", "ev-404")), List.of(outcome)))
                .containsExactly(outcome);

        AccountBalancesPart refused = new AccountBalancesPart(List.of(), true, 1_709_287_200_000L);
        assertThat(roundTrip(new AccountBalancesRead("wallet:w-1", 0L), refused))
                .isEqualTo(refused);
        AccountBalancesPart answered = new AccountBalancesPart(
                List.of(new org.kleline.ledger.query.body.BalanceBody("EUR", 5, 5, 0)), true, null);
        assertThat(roundTrip(new AccountBalancesRead("wallet:w-1", 0L), answered))
                .isEqualTo(answered);

        StatementPart part = new StatementPart(
                List.of(new StatementLine("EUR", "ev-1", "WalletToppedUp", 5, 500)),
                java.util.Map.of("EUR", -40L, "JPY", 0L),
                true,
                java.util.Map.of("EUR", 3_600_000L, "JPY", Long.MIN_VALUE));
        assertThat(roundTrip(new StatementRead("wallet:w-1", 0, 10, null, 5), part))
                .isEqualTo(part);

        List<TrialBalancePart> trial =
                List.of(new TrialBalancePart("EUR", 10, 10, 2, List.of("platform:fees", "wallet:w-1")));
        assertThat(roundTrip(new TrialBalanceRead(), trial)).isEqualTo(trial);
    }

    @Test
    void aStatementPartWithoutHorizonsReadsAsNothingFolded() throws Exception {
        String json = "{\"lines\":[{\"currency\":\"EUR\",\"eventId\":\"ev-1\",\"type\":\"WalletToppedUp\","
                + "\"occurredAtMs\":5,\"amount\":500}],\"openings\":{\"EUR\":-40},\"more\":false}";
        StatementPart part = mapper.readValue(json, StatementPart.class);
        assertThat(part.horizons()).isEmpty();
        assertThat(part.horizon("EUR")).isEqualTo(Long.MIN_VALUE);
        assertThat(part.openings()).containsEntry("EUR", -40L);
    }

    @Test
    void aReadOfOutcomesIsBoundedToAThousandEventIds() {
        List<String> thousand =
                IntStream.range(0, 1_000).mapToObj(i -> "ev-" + i).toList();
        assertThat(new OutcomesRead(thousand).eventIds()).hasSize(1_000);
        List<String> more = new ArrayList<>(thousand);
        more.add("ev-1000");
        assertThatThrownBy(() -> new OutcomesRead(more))
                .hasMessage("a read of outcomes names 1 to 1000 eventIds, was 1001");
        assertThatThrownBy(() -> new OutcomesRead(List.of()))
                .hasMessage("a read of outcomes names 1 to 1000 eventIds, was 0");
    }

    @Test
    void ofTwoFirstOutcomesOfAnIdReusedAcrossKeysTheEarlierIsShown() {
        OutcomeBody early = new OutcomeBody(
                "ev-1",
                "WalletToppedUp",
                "wallet:w-2",
                Instant.parse("2024-03-01T10:00:00Z"),
                "ACCEPTED",
                null,
                List.of(),
                null,
                null);
        OutcomeBody late = new OutcomeBody(
                "ev-1",
                "WalletToppedUp",
                "wallet:w-1",
                Instant.parse("2024-03-01T11:00:00Z"),
                "ACCEPTED",
                null,
                List.of(),
                null,
                null);
        assertThat(OutcomesRead.earlier(late, early)).isSameAs(early);
        assertThat(OutcomesRead.earlier(early, late)).isSameAs(early);
    }

    @Test
    void anAbsentKeyTravelsAsNull() throws Exception {
        assertThat(roundTrip(new WalletRead("w-404"), null)).isNull();
    }

    @Test
    void eachReadIsAnsweredWhereItsStoreIsPartitioned() {
        assertThat(new OutcomeRead("e").store()).isEqualTo(StoreNames.OUTCOMES);
        assertThat(new WalletRead("w").key()).isEqualTo("wallet:w");
        assertThat(new CardPaymentRead("p").key()).isEqualTo("payment:p");
        assertThat(new MerchantRead("m").key()).isEqualTo("merchant:m");
        assertThat(new SettlementsOnRead(LocalDate.parse("2024-03-01")).store())
                .isEqualTo(StoreNames.SETTLEMENT_ROWS_BY_DATE);
    }

    @Test
    void everyKindOfReadNamesTheStoreItIsAnsweredFrom() {
        List<Class<?>> kinds = new ArrayList<>();
        for (Class<?> family : ViewRead.class.getPermittedSubclasses()) {
            kinds.addAll(List.of(family.getPermittedSubclasses()));
        }
        assertThat(kinds)
                .hasSize(13)
                .allSatisfy(kind -> assertThat(kind.getAnnotation(AnsweredFrom.class))
                        .as(kind.getSimpleName())
                        .isNotNull());
    }

    private <R> R roundTrip(ViewRead<R> read, R answer) throws Exception {
        return mapper.readValue(mapper.writeValueAsBytes(answer), read.resultType(mapper.getTypeFactory()));
    }
}
