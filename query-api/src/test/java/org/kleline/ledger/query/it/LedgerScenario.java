package org.kleline.ledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;

/**
 * A small ledger with every kind of event, in two currencies, and what every read must answer
 * about it, figure for figure, worked out by hand from the domain rules (docs/domain.md):
 * <ul>
 *   <li>plan: card 2.5% + 25, micro 5% + 1, chargeback fee 1500, partner share 20%;</li>
 *   <li>micropayment 2000 EUR: fee min(2000, 100 + 1) = 101, commission halfEven(20.2) = 20;</li>
 *   <li>capture 8000 EUR: fee 200 + 25 = 225, commission 45; refund 3000; payout 5000;</li>
 *   <li>capture 5000 JPY (no partner): fee 125 + 25 = 150; chargeback 1000 + fee 1500.</li>
 * </ul>
 */
final class LedgerScenario {

    /** 2024-03-01T10:00:00Z, 11:00 in Paris: business date 2024-03-01. */
    static final long T0 = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();

    static final long MINUTE = 60_000;
    static final LocalDate DAY = LocalDate.parse("2024-03-01");
    static final FeePlan PLAN = new FeePlan(250, 25L, 500, 1L, 1_500L, 2_000);
    static final FeePlan PLAN_B = new FeePlan(100, 0L, 1_000, 0L, 1_000L, 5_000);

    static final String PLAN_JSON = planJson(PLAN);
    static final String PLAN_B_JSON = planJson(PLAN_B);
    static final String ROW_M1 = "{\"merchantId\":\"m-1\",\"date\":\"2024-03-01\",\"currency\":\"EUR\",\"count\":2,"
            + "\"gross\":10000,\"refunds\":3000,\"chargebacks\":0,\"fees\":326,\"commission\":65,\"net\":6674,"
            + "\"paidOut\":5000,\"payouts\":1,\"status\":\"OPEN\"}";
    static final String ROW_M2 = "{\"merchantId\":\"m-2\",\"date\":\"2024-03-01\",\"currency\":\"JPY\",\"count\":1,"
            + "\"gross\":5000,\"refunds\":0,\"chargebacks\":1000,\"fees\":1650,\"commission\":0,\"net\":2350,"
            + "\"paidOut\":0,\"payouts\":0,\"status\":\"OPEN\"}";
    static final String TOP_UP = entry("top-w1", "WalletToppedUp", "2024-03-01T10:03:00Z", "EUR", 10000, 10000);
    static final String MICRO = entry("micro-1", "MicropaymentRequested", "2024-03-01T10:04:00Z", "EUR", -2000, 8000);
    static final String NEXT_DAY = entry("top-w1-b", "WalletToppedUp", "2024-03-02T10:00:00Z", "EUR", 500, 8500);
    /** platform:fees in (occurredAt, eventId) order, the balance after each line in its own currency. */
    static final String FEES_LINES = "["
            + entry("micro-1", "MicropaymentRequested", "2024-03-01T10:04:00Z", "EUR", 81, 81) + ","
            + entry("cap-p1", "CardPaymentCaptured", "2024-03-01T10:07:00Z", "EUR", 180, 261) + ","
            + entry("cap-p2", "CardPaymentCaptured", "2024-03-01T10:10:00Z", "JPY", 150, 150) + ","
            + entry("cb-p2", "CardPaymentChargedBack", "2024-03-01T10:11:00Z", "JPY", 1500, 1650) + "]";

    static final List<String> EVENT_IDS = List.of(
            "on-m1",
            "on-m2",
            "open-w1",
            "top-w1",
            "micro-1",
            "redeem-big",
            "auth-p1",
            "cap-p1",
            "ref-p1",
            "auth-p2",
            "cap-p2",
            "cb-p2",
            "pay-m1",
            "plan-m2",
            "open-w2",
            "top-w1-b");

    private LedgerScenario() {}

    /** A fee plan as the merchant reads write it. */
    private static String planJson(FeePlan plan) {
        return "{\"cardBps\":" + plan.getCardBps() + ",\"cardFixed\":" + plan.getCardFixed() + ",\"microBps\":"
                + plan.getMicroBps() + ",\"microFixed\":" + plan.getMicroFixed() + ",\"chargebackFee\":"
                + plan.getChargebackFee() + ",\"partnerShareBps\":" + plan.getPartnerShareBps() + "}";
    }

    /** A line of an account's statement ({@code GET /v1/accounts/{id}/entries}) in one currency. */
    private static String entry(
            String eventId, String type, String occurredAt, String currency, long amount, long balanceAfter) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"currency\":\"" + currency + "\",\"amount\":" + amount + ",\"balanceAfter\":" + balanceAfter
                + "}";
    }

    static List<EventEnvelope> events() {
        List<EventEnvelope> log = new ArrayList<>();
        log.add(at("on-m1", 0, new MerchantOnboarded("m-1", "Shop m-1", "pa-1", "EUR", PLAN)));
        log.add(at("on-m2", 1, new MerchantOnboarded("m-2", "Shop m-2", null, "JPY", PLAN)));
        log.add(at("open-w1", 2, new WalletOpened("w-1", "EUR", 15_000L)));
        log.add(at("top-w1", 3, new WalletToppedUp("w-1", 10_000L)));
        log.add(at("micro-1", 4, new MicropaymentRequested("w-1", "m-1", 2_000L)));
        log.add(at("redeem-big", 5, new WalletRedeemed("w-1", 20_000L)));
        log.add(at("auth-p1", 6, new CardPaymentAuthorized("p-1", "m-1", 10_000L, "EUR")));
        log.add(at("cap-p1", 7, new CardPaymentCaptured("p-1", 8_000L)));
        log.add(at("ref-p1", 8, new CardPaymentRefunded("p-1", 3_000L)));
        log.add(at("auth-p2", 9, new CardPaymentAuthorized("p-2", "m-2", 5_000L, "JPY")));
        log.add(at("cap-p2", 10, new CardPaymentCaptured("p-2", 5_000L)));
        log.add(at("cb-p2", 11, new CardPaymentChargedBack("p-2", 1_000L, "4837")));
        log.add(at("pay-m1", 12, new MerchantPaidOut("m-1", "pay-1", DAY, 5_000L)));
        // A retry of top-w1 with another amount: DUPLICATE, no effect, top-w1's outcome stays the one shown.
        log.add(at("top-w1", 13, new WalletToppedUp("w-1", 999L)));
        log.add(at("plan-m2", 15, new MerchantFeePlanChanged("m-2", PLAN_B, Instant.ofEpochMilli(T0 + 30 * MINUTE))));
        log.add(at("open-w2", 16, new WalletOpened("w-2", "EUR", 15_000L)));
        log.add(new EventEnvelope(
                "top-w1-b", Instant.parse("2024-03-02T10:00:00Z"), new WalletToppedUp("w-1", 500L), null, null));
        return log;
    }

    private static EventEnvelope at(String eventId, int minutes, Object payload) {
        return new EventEnvelope(eventId, Instant.ofEpochMilli(T0 + minutes * MINUTE), payload, null, null);
    }

    /** Path to the exact JSON body every node must answer for it. */
    static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(
                "/v1/wallets/w-1", "{\"walletId\":\"w-1\",\"currency\":\"EUR\",\"balance\":8500,\"maxBalance\":15000}");
        answers.put(
                "/v1/wallets/w-2", "{\"walletId\":\"w-2\",\"currency\":\"EUR\",\"balance\":0,\"maxBalance\":15000}");
        answers.put(
                "/v1/card-payments/p-1",
                "{\"paymentId\":\"p-1\",\"merchantId\":\"m-1\",\"currency\":\"EUR\","
                        + "\"status\":\"PARTIALLY_REFUNDED\",\"authorized\":10000,\"captured\":8000,\"refunded\":3000,"
                        + "\"chargedBack\":0}");
        answers.put(
                "/v1/card-payments/p-2",
                "{\"paymentId\":\"p-2\",\"merchantId\":\"m-2\",\"currency\":\"JPY\","
                        + "\"status\":\"CHARGED_BACK\",\"authorized\":5000,\"captured\":5000,\"refunded\":0,\"chargedBack\":1000}");
        answers.put(
                "/v1/merchants/m-1",
                "{\"merchantId\":\"m-1\",\"name\":\"Shop m-1\",\"partnerId\":\"pa-1\","
                        + "\"currency\":\"EUR\",\"feePlan\":" + PLAN_JSON
                        + ",\"balance\":1674,\"onboardedAt\":\"2024-03-01T10:00:00Z\","
                        + "\"feePlans\":[{\"effectiveFrom\":\"2024-03-01T10:00:00Z\",\"feePlan\":" + PLAN_JSON + "}]}");
        // The plan changed with effect from 10:30 is the one in force now; the balance is the merchant account's.
        answers.put(
                "/v1/merchants/m-2",
                "{\"merchantId\":\"m-2\",\"name\":\"Shop m-2\",\"partnerId\":null,"
                        + "\"currency\":\"JPY\",\"feePlan\":" + PLAN_B_JSON + ",\"balance\":2350,"
                        + "\"onboardedAt\":\"2024-03-01T10:01:00Z\","
                        + "\"feePlans\":[{\"effectiveFrom\":\"2024-03-01T10:01:00Z\",\"feePlan\":" + PLAN_JSON + "},"
                        + "{\"effectiveFrom\":\"2024-03-01T10:30:00Z\",\"feePlan\":" + PLAN_B_JSON + "}]}");
        answers.put(
                "/v1/events/top-w1",
                "{\"eventId\":\"top-w1\",\"type\":\"WalletToppedUp\",\"key\":\"wallet:w-1\","
                        + "\"occurredAt\":\"2024-03-01T10:03:00Z\",\"outcome\":\"ACCEPTED\",\"postings\":["
                        + "{\"account\":\"platform:card-clearing\",\"currency\":\"EUR\",\"amount\":-10000},"
                        + "{\"account\":\"wallet:w-1\",\"currency\":\"EUR\",\"amount\":10000}]}");
        answers.put(
                "/v1/events/micro-1",
                "{\"eventId\":\"micro-1\",\"type\":\"MicropaymentRequested\","
                        + "\"key\":\"wallet:w-1\",\"occurredAt\":\"2024-03-01T10:04:00Z\",\"outcome\":\"ACCEPTED\",\"postings\":["
                        + "{\"account\":\"wallet:w-1\",\"currency\":\"EUR\",\"amount\":-2000},"
                        + "{\"account\":\"merchant:m-1\",\"currency\":\"EUR\",\"amount\":1899},"
                        + "{\"account\":\"platform:fees\",\"currency\":\"EUR\",\"amount\":81},"
                        + "{\"account\":\"partner:pa-1\",\"currency\":\"EUR\",\"amount\":20}]}");
        answers.put(
                "/v1/events/redeem-big",
                "{\"eventId\":\"redeem-big\",\"type\":\"WalletRedeemed\","
                        + "\"key\":\"wallet:w-1\",\"occurredAt\":\"2024-03-01T10:05:00Z\",\"outcome\":\"REJECTED\","
                        + "\"reason\":\"INSUFFICIENT_FUNDS\"}");
        answers.put(
                "/v1/events/on-m1",
                "{\"eventId\":\"on-m1\",\"type\":\"MerchantOnboarded\",\"key\":\"merchant:m-1\","
                        + "\"occurredAt\":\"2024-03-01T10:00:00Z\",\"outcome\":\"ACCEPTED\",\"postings\":[]}");
        answers.put(
                "/v1/events/cb-p2",
                "{\"eventId\":\"cb-p2\",\"type\":\"CardPaymentChargedBack\",\"key\":\"payment:p-2\","
                        + "\"occurredAt\":\"2024-03-01T10:11:00Z\",\"outcome\":\"ACCEPTED\",\"postings\":["
                        + "{\"account\":\"merchant:m-2\",\"currency\":\"JPY\",\"amount\":-2500},"
                        + "{\"account\":\"platform:card-clearing\",\"currency\":\"JPY\",\"amount\":1000},"
                        + "{\"account\":\"platform:fees\",\"currency\":\"JPY\",\"amount\":1500}]}");
        answers.put(
                "/v1/accounts/wallet%3Aw-1/balances",
                "[{\"currency\":\"EUR\",\"balance\":8500,\"credits\":10500,\"debits\":2000}]");
        answers.put(
                "/v1/accounts/wallet%3Aw-1/balances?asOf=2024-03-01T10:03:00Z",
                "[{\"currency\":\"EUR\",\"balance\":10000,\"credits\":10000,\"debits\":0}]");
        answers.put(
                "/v1/accounts/wallet%3Aw-1/balances?asOf=2024-03-01",
                "[{\"currency\":\"EUR\",\"balance\":8000,\"credits\":10000,\"debits\":2000}]");
        answers.put("/v1/accounts/wallet%3Aw-1/balances?asOf=2024-03-01T09:00:00Z", "[]");
        answers.put("/v1/accounts/wallet%3Aw-2/balances", "[]");
        answers.put(
                "/v1/accounts/merchant%3Am-1/balances",
                "[{\"currency\":\"EUR\",\"balance\":1674,\"credits\":9674,\"debits\":8000}]");
        answers.put(
                "/v1/accounts/merchant%3Am-2/balances",
                "[{\"currency\":\"JPY\",\"balance\":2350,\"credits\":4850,\"debits\":2500}]");
        answers.put(
                "/v1/accounts/partner%3Apa-1/balances",
                "[{\"currency\":\"EUR\",\"balance\":65,\"credits\":65,\"debits\":0}]");
        answers.put(
                "/v1/accounts/platform%3Afees/balances",
                "[{\"currency\":\"EUR\",\"balance\":261,\"credits\":261,\"debits\":0},"
                        + "{\"currency\":\"JPY\",\"balance\":1650,\"credits\":1650,\"debits\":0}]");
        answers.put(
                "/v1/accounts/platform%3Acard-clearing/balances",
                "[{\"currency\":\"EUR\",\"balance\":-15500,\"credits\":3000,\"debits\":18500},"
                        + "{\"currency\":\"JPY\",\"balance\":-4000,\"credits\":1000,\"debits\":5000}]");
        answers.put(
                "/v1/accounts/platform:payouts/balances",
                "[{\"currency\":\"EUR\",\"balance\":5000,\"credits\":5000,\"debits\":0}]");
        answers.put(
                "/v1/accounts/wallet%3Aw-1/entries",
                "{\"entries\":[" + TOP_UP + "," + MICRO + "," + NEXT_DAY + "],\"nextCursor\":null}");
        answers.put(
                "/v1/accounts/wallet%3Aw-1/entries?from=2024-03-02",
                "{\"entries\":[" + NEXT_DAY + "],\"nextCursor\":null}");
        answers.put(
                "/v1/accounts/wallet%3Aw-1/entries?to=2024-03-01T10:03:59.999Z",
                "{\"entries\":[" + TOP_UP + "],\"nextCursor\":null}");
        answers.put("/v1/accounts/wallet%3Aw-2/entries", "{\"entries\":[],\"nextCursor\":null}");
        answers.put(
                "/v1/accounts/platform%3Afees/entries?limit=1000",
                "{\"entries\":" + FEES_LINES + ",\"nextCursor\":null}");
        answers.put("/v1/merchants/m-1/settlements", "[" + ROW_M1 + "]");
        answers.put("/v1/merchants/m-1/settlements?from=2024-03-01&to=2024-03-01", "[" + ROW_M1 + "]");
        answers.put("/v1/merchants/m-1/settlements?from=2024-03-02", "[]");
        answers.put("/v1/merchants/m-2/settlements?to=2024-03-31", "[" + ROW_M2 + "]");
        answers.put("/v1/settlements/2024-03-01", "[" + ROW_M1 + "," + ROW_M2 + "]");
        answers.put("/v1/settlements/2024-03-02", "[]");
        answers.put(
                "/v1/trial-balance",
                "[{\"currency\":\"EUR\",\"total\":0,\"accounts\":6,\"credits\":28500,\"debits\":28500,\"postings\":16},"
                        + "{\"currency\":\"JPY\",\"total\":0,\"accounts\":3,\"credits\":7500,\"debits\":7500,\"postings\":6}]");
        return answers;
    }

    /** Paths of ids nobody knows: 404 on every node. */
    static final List<String> NOT_FOUND = List.of(
            "/v1/wallets/w-404",
            "/v1/card-payments/p-404",
            "/v1/merchants/m-404",
            "/v1/accounts/partner%3Apa-404/balances",
            "/v1/accounts/wallet%3Aw-404/balances",
            "/v1/accounts/partner%3Apa-404/entries",
            "/v1/merchants/m-404/settlements",
            "/v1/events/ev-404");

    /** Every read of docs/api.md, asked of {@code node}, answers exactly what the scenario implies. */
    static void assertAnsweredBy(QueryNode node) {
        answers().forEach((path, expected) -> assertJson(node, path, expected));
        NOT_FOUND.forEach(path -> assertNotFound(node, path));
        events(node);
        bulkOutcomes(node);
        statements(node);
        settlements(node);
    }

    /** Every event of the log has its first outcome. */
    static void events(QueryNode node) {
        for (String eventId : EVENT_IDS) {
            assertThat(node.json("/v1/events/" + eventId).path("eventId").asText())
                    .isEqualTo(eventId);
        }
    }

    /** The bulk read of outcomes ({@code POST /v1/outcomes/lookup}), an unknown id among every event of the log. */
    static String bulkOutcomesRequest() {
        List<String> ids = new ArrayList<>(EVENT_IDS);
        ids.add(3, "ev-404");
        return "{\"eventIds\":[\"" + String.join("\",\"", ids) + "\"]}";
    }

    /** Each event's outcome as its own GET shows it, in the order asked; the unknown id listed as such. */
    static String bulkOutcomesAnswer(QueryNode node) {
        List<String> outcomes = new ArrayList<>();
        for (String eventId : EVENT_IDS) {
            outcomes.add(node.get("/v1/events/" + eventId).body());
        }
        return "{\"outcomes\":[" + String.join(",", outcomes) + "],\"unknown\":[\"ev-404\"]}";
    }

    static void bulkOutcomes(QueryNode node) {
        HttpResponse<String> r = node.post("/v1/outcomes/lookup", bulkOutcomesRequest());
        assertThat(r.statusCode())
                .as("POST /v1/outcomes/lookup on node %d: %s", node.port, r.body())
                .isEqualTo(200);
        assertThat(r.body()).isEqualTo(bulkOutcomesAnswer(node));
        JsonNode answer = QueryNode.parse(r.body());
        assertThat(answer.path("outcomes").get(5))
                .isEqualTo(QueryNode.parse(answers().get("/v1/events/redeem-big")));
        assertThat(answer.path("outcomes").size()).isEqualTo(EVENT_IDS.size());
    }

    /** Pages through statements with cursors: one account in one currency, and one in two currencies. */
    static void statements(QueryNode node) {
        JsonNode first = node.json("/v1/accounts/wallet%3Aw-1/entries?limit=2");
        assertThat(first.path("entries")).isEqualTo(QueryNode.parse("[" + TOP_UP + "," + MICRO + "]"));
        assertJson(
                node,
                "/v1/accounts/wallet%3Aw-1/entries?limit=2&cursor="
                        + first.path("nextCursor").asText(),
                "{\"entries\":[" + NEXT_DAY + "],\"nextCursor\":null}");

        // Two currencies, whose keys may sit on different partitions and nodes, one line a page.
        List<JsonNode> lines = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 10; page++) {
            JsonNode p =
                    node.json("/v1/accounts/platform%3Afees/entries?limit=1" + (next == null ? "" : "&cursor=" + next));
            p.path("entries").forEach(lines::add);
            next = p.path("nextCursor").isNull() ? null : p.path("nextCursor").asText();
            if (next == null) {
                break;
            }
        }
        assertThat(QueryNode.parse(lines.toString())).isEqualTo(QueryNode.parse(FEES_LINES));
    }

    /** The rows of a date as CSV. */
    static void settlements(QueryNode node) {
        HttpResponse<String> csv = node.get("/v1/settlements/2024-03-01", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .isEqualTo(
                        "merchantId,date,currency,count,gross,refunds,chargebacks,fees,commission,net,paidOut,payouts,status\r\n"
                                + "m-1,2024-03-01,EUR,2,10000,3000,0,326,65,6674,5000,1,OPEN\r\n"
                                + "m-2,2024-03-01,JPY,1,5000,0,1000,1650,0,2350,0,0,OPEN\r\n");
    }

    static void assertJson(QueryNode node, String path, String expected) {
        assertThat(node.json(path)).as("GET %s on node %d", path, node.port).isEqualTo(QueryNode.parse(expected));
    }

    static void assertNotFound(QueryNode node, String path) {
        HttpResponse<String> r = node.get(path);
        assertThat(r.statusCode())
                .as("GET %s on node %d: %s", path, node.port, r.body())
                .isEqualTo(404);
        assertThat(QueryNode.parse(r.body()).path("status").asInt()).isEqualTo(404);
    }
}
