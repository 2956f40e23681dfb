package org.kleline.ledger.query.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;
import org.kleline.ledger.web.json.LedgerJson;

/** The JSON of every read body, field for field as docs/api.md names them. */
class BodyShapesTest {

    private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");
    private final ObjectMapper mapper = LedgerJson.mapper();

    @Test
    void aWallet() throws Exception {
        assertThat(json(new WalletBody("w-1", "EUR", 4_000, 15_000)))
                .isEqualTo("{\"walletId\":\"w-1\",\"currency\":\"EUR\",\"balance\":4000,\"maxBalance\":15000}");
    }

    @Test
    void aCardPayment() throws Exception {
        assertThat(json(new CardPaymentBody("p-1", "m-1", "EUR", "PARTIALLY_REFUNDED", 10_000, 8_000, 3_000, 0)))
                .isEqualTo(
                        "{\"paymentId\":\"p-1\",\"merchantId\":\"m-1\",\"currency\":\"EUR\",\"status\":\"PARTIALLY_REFUNDED\","
                                + "\"authorized\":10000,\"captured\":8000,\"refunded\":3000,\"chargedBack\":0}");
    }

    @Test
    void aMerchantWithoutPartnerShowsPartnerIdAsNull() throws Exception {
        FeePlanAnswer plan = new FeePlanAnswer(250, 25, 500, 1, 1_500, 2_000);
        MerchantAnswer profile =
                new MerchantAnswer("m-1", "Shop m-1", null, "EUR", T, List.of(new FeePlanVersionBody(T, plan)));
        assertThat(json(MerchantBody.of(profile, T.plusSeconds(60), 7_475)))
                .isEqualTo("{\"merchantId\":\"m-1\",\"name\":\"Shop m-1\",\"partnerId\":null,\"currency\":\"EUR\","
                        + "\"feePlan\":{\"cardBps\":250,\"cardFixed\":25,\"microBps\":500,\"microFixed\":1,"
                        + "\"chargebackFee\":1500,\"partnerShareBps\":2000},\"balance\":7475,"
                        + "\"onboardedAt\":\"2024-03-01T10:00:00Z\",\"feePlans\":[{\"effectiveFrom\":\"2024-03-01T10:00:00Z\","
                        + "\"feePlan\":{\"cardBps\":250,\"cardFixed\":25,\"microBps\":500,\"microFixed\":1,"
                        + "\"chargebackFee\":1500,\"partnerShareBps\":2000}}]}");
    }

    @Test
    void aBalance() throws Exception {
        assertThat(json(List.of(new BalanceBody("EUR", -2_500, 500, 3_000))))
                .isEqualTo("[{\"currency\":\"EUR\",\"balance\":-2500,\"credits\":500,\"debits\":3000}]");
    }

    @Test
    void aBalanceThatIsNotCreditsMinusDebitsCannotExist() {
        assertThatThrownBy(() -> new BalanceBody("EUR", 1, 5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credits - debits = 2");
    }

    @Test
    void theLastStatementPageShowsNextCursorAsNull() throws Exception {
        EntriesPage page = new EntriesPage(
                List.of(new EntryBody(
                        "ev-1", "WalletToppedUp", Instant.parse("2024-03-01T10:15:30.123Z"), "EUR", 5_000, 5_000)),
                null);
        assertThat(json(page))
                .isEqualTo("{\"entries\":[{\"eventId\":\"ev-1\",\"type\":\"WalletToppedUp\","
                        + "\"occurredAt\":\"2024-03-01T10:15:30.123Z\",\"currency\":\"EUR\",\"amount\":5000,\"balanceAfter\":5000}],"
                        + "\"nextCursor\":null}");
    }

    @Test
    void aSettlementRowFromTheStoreShowsItsDateAsYyyyMmDd() throws Exception {
        SettlementRow row = new SettlementRow(
                "m-1",
                LocalDate.parse("2024-03-01"),
                "EUR",
                2L,
                11_000L,
                3_000L,
                0L,
                500L,
                100L,
                7_500L,
                7_500L,
                1,
                SettlementStatus.PAID);
        SettlementRowBody body = SettlementRowBody.of(row);
        assertThat(json(body))
                .isEqualTo("{\"merchantId\":\"m-1\",\"date\":\"2024-03-01\",\"currency\":\"EUR\",\"count\":2,"
                        + "\"gross\":11000,\"refunds\":3000,\"chargebacks\":0,\"fees\":500,\"commission\":100,\"net\":7500,"
                        + "\"paidOut\":7500,\"payouts\":1,\"status\":\"PAID\"}");
        assertThat(body.toAvro()).isEqualTo(row);
    }

    @Test
    void aTrialBalanceLine() throws Exception {
        assertThat(json(new TrialBalanceLine("EUR", 0, 6, 20_000, 20_000, 14)))
                .isEqualTo("{\"currency\":\"EUR\",\"total\":0,\"accounts\":6,\"credits\":20000,\"debits\":20000,"
                        + "\"postings\":14}");
    }

    @Test
    void theFeePlanInForceIsTheLatestEffectiveOneNotAFutureOne() {
        FeePlanAnswer first = new FeePlanAnswer(250, 25, 500, 1, 1_500, 2_000);
        FeePlanAnswer second = new FeePlanAnswer(100, 0, 1_000, 0, 1_000, 5_000);
        FeePlanAnswer future = new FeePlanAnswer(1, 1, 1, 1, 1, 1);
        MerchantAnswer profile = new MerchantAnswer(
                "m-1",
                "Shop",
                "pa-1",
                "EUR",
                T,
                List.of(
                        new FeePlanVersionBody(T, first),
                        new FeePlanVersionBody(T.plusSeconds(3_600), second),
                        new FeePlanVersionBody(T.plusSeconds(86_400), future)));
        assertThat(profile.feePlanAt(T.plusSeconds(60))).isEqualTo(first);
        assertThat(profile.feePlanAt(T.plusSeconds(7_200))).isEqualTo(second);
        assertThat(profile.feePlanAt(T.plusSeconds(86_400))).isEqualTo(future);
    }

    private String json(Object value) throws Exception {
        return mapper.writeValueAsString(value);
    }
}
