package org.kleline.ledger.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the settlement rows of the demo's day must show once the projector's settlement stage has
 * applied every event of the day: per merchant, the count and sums of the payment events sent (not
 * the fees, which are the ledger's to work out). The settlement rows are built downstream of the
 * outcomes, so an outcome being known does not mean its row is up to date; settling before would
 * pay out from a partial row.
 */
record DayTotals(Map<String, Totals> byMerchant) {

    /** The figures of one merchant's row that follow from the events alone. */
    record Totals(long count, long gross, long refunds, long chargebacks) {

        Totals plus(long countDelta, long grossDelta, long refundsDelta, long chargebacksDelta) {
            return new Totals(
                    count + countDelta, gross + grossDelta, refunds + refundsDelta, chargebacks + chargebacksDelta);
        }

        boolean shownBy(JsonNode row) {
            return row.get("count").asLong() == count
                    && row.get("gross").asLong() == gross
                    && row.get("refunds").asLong() == refunds
                    && row.get("chargebacks").asLong() == chargebacks;
        }
    }

    /** From the NDJSON events of one day, every one of them ACCEPTED. */
    static DayTotals of(Iterable<JsonNode> events) {
        Map<String, String> merchantOfPayment = new HashMap<>();
        Map<String, Totals> totals = new TreeMap<>();
        for (JsonNode e : events) {
            String type = e.get("type").asText();
            long amount = e.path("amount").asLong();
            switch (type) {
                case "CardPaymentAuthorized" ->
                    merchantOfPayment.put(
                            e.get("paymentId").asText(), e.get("merchantId").asText());
                case "MicropaymentRequested" -> add(totals, e.get("merchantId").asText(), 1, amount, 0, 0);
                case "CardPaymentCaptured" -> add(totals, merchantOf(merchantOfPayment, e), 1, amount, 0, 0);
                case "CardPaymentRefunded" -> add(totals, merchantOf(merchantOfPayment, e), 0, 0, amount, 0);
                case "CardPaymentChargedBack" -> add(totals, merchantOf(merchantOfPayment, e), 0, 0, 0, amount);
                default -> {
                    // Onboardings, wallets and top-ups make no settlement row.
                }
            }
        }
        return new DayTotals(totals);
    }

    /** Whether the rows of the day (GET /v1/settlements/{date}) show every merchant's totals. */
    boolean shownBy(JsonNode rows) {
        Map<String, JsonNode> byMerchant = new HashMap<>();
        rows.forEach(r -> byMerchant.put(r.get("merchantId").asText(), r));
        return byMerchant.keySet().containsAll(byMerchant().keySet())
                && byMerchant().entrySet().stream().allMatch(t -> t.getValue().shownBy(byMerchant.get(t.getKey())));
    }

    private static String merchantOf(Map<String, String> merchantOfPayment, JsonNode event) {
        String paymentId = event.get("paymentId").asText();
        String merchantId = merchantOfPayment.get(paymentId);
        if (merchantId == null) {
            throw new IllegalStateException("demo data: " + event.get("type").asText() + " of payment " + paymentId
                    + " comes before its authorization");
        }
        return merchantId;
    }

    private static void add(
            Map<String, Totals> totals, String merchantId, long count, long gross, long refunds, long chargebacks) {
        totals.merge(
                merchantId,
                new Totals(count, gross, refunds, chargebacks),
                (a, b) -> a.plus(b.count(), b.gross(), b.refunds(), b.chargebacks()));
    }
}
