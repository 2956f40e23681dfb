package org.kleline.ledger.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Merchants as {@code GET /v1/merchants/{merchantId}} shows them, each asked once: a payout's
 * currency, a merchant's partner. Safe to share between threads; {@link #askAll} asks many at once.
 */
public final class MerchantLookup {

    /** What a command needs of a merchant. */
    public record Merchant(String merchantId, Optional<String> partnerId, String currency) {}

    private final LedgerApi api;
    private final RetryWhenBusy retry;
    /** Merchants asked at once by {@link #askAll}. */
    public static final int MERCHANTS_IN_FLIGHT = 8;

    private final Map<String, JsonNode> known = new ConcurrentHashMap<>();

    public MerchantLookup(LedgerApi api, RetryWhenBusy retry) {
        this.api = api;
        this.retry = retry;
    }

    public Merchant merchant(String merchantId) {
        JsonNode body = body(merchantId);
        JsonNode partner = body.get("partnerId");
        return new Merchant(
                merchantId,
                partner == null || partner.isNull() ? Optional.empty() : Optional.of(partner.asText()),
                body.get("currency").asText());
    }

    /** The whole answer of {@code GET /v1/merchants/{merchantId}}: name, fee plan in force, balance too. */
    public JsonNode body(String merchantId) {
        JsonNode body = known.get(merchantId);
        if (body == null) {
            body = retry.call(() -> api.get("/v1/merchants/" + LedgerApi.segment(merchantId)))
                    .expect(200)
                    .json();
            known.put(merchantId, body);
        }
        return body;
    }

    /** Asks for every merchant not known yet, {@link #MERCHANTS_IN_FLIGHT} at once, so that later calls answer at once. */
    public void askAll(List<String> merchantIds) {
        new ConcurrentRequests<String, JsonNode>(MERCHANTS_IN_FLIGHT, "ledger-merchant-lookup", this::body)
                .run(merchantIds, (merchantId, body) -> {});
    }
}
