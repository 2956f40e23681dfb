package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/merchants/{merchantId}}: the merchant, the fee plan in force now, and the balance of
 * {@code merchant:{merchantId}} in its currency (what the platform owes it). {@code partnerId} is
 * written as null when the merchant has no partner, so the field is always there. Added to the fields
 * of the original contract (docs/api.md): {@code onboardedAt} and {@code feePlans}, the whole plan
 * history.
 */
@JsonPropertyOrder({"merchantId", "name", "partnerId", "currency", "feePlan", "balance", "onboardedAt", "feePlans"})
public record MerchantBody(
        String merchantId,
        String name,
        @JsonInclude(JsonInclude.Include.ALWAYS) String partnerId,
        String currency,
        FeePlanAnswer feePlan,
        long balance,
        Instant onboardedAt,
        List<FeePlanVersionBody> feePlans) {

    public MerchantBody {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(feePlan, "feePlan");
        feePlans = List.copyOf(feePlans);
    }

    /** The profile with the plan in force at {@code now} and the account's balance. */
    public static MerchantBody of(MerchantAnswer profile, Instant now, long balanceMinor) {
        return new MerchantBody(
                profile.merchantId(),
                profile.name(),
                profile.partnerId(),
                profile.currency(),
                profile.feePlanAt(now),
                balanceMinor,
                profile.onboardedAt(),
                profile.feePlans());
    }
}
