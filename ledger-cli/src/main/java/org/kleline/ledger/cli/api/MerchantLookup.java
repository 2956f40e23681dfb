package org.kleline.ledger.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Merchants as {@code GET /v1/merchants/{merchantId}} shows them, each asked once: a payout's
 * currency, a merchant's partner.
 */
public final class MerchantLookup {

    /** What a command needs of a merchant. */
    public record Merchant(String merchantId, Optional<String> partnerId, String currency) {}

    private final LedgerApi api;
    private final RetryWhenBusy retry;
    private final Map<String, Merchant> known = new HashMap<>();

    public MerchantLookup(LedgerApi api, RetryWhenBusy retry) {
        this.api = api;
        this.retry = retry;
    }

    public Merchant merchant(String merchantId) {
        Merchant merchant = known.get(merchantId);
        if (merchant == null) {
            JsonNode body = retry.call(() -> api.get("/v1/merchants/" + LedgerApi.segment(merchantId)))
                    .expect(200)
                    .json();
            JsonNode partner = body.get("partnerId");
            merchant = new Merchant(
                    merchantId,
                    partner == null || partner.isNull() ? Optional.empty() : Optional.of(partner.asText()),
                    body.get("currency").asText());
            known.put(merchantId, merchant);
        }
        return merchant;
    }
}
