package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kleline.ledger.model.fee.FeePlan;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.merchant.FeePlanVersion;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.projector.decide.MerchantRecord;
import org.kleline.ledger.projector.decide.StateRecords;

/**
 * A merchant as the merchants store holds it, every fee plan included: what the owner of the
 * merchant's key answers. The public body adds the plan in force and the account's balance, which
 * live elsewhere ({@link MerchantBody}).
 */
@JsonPropertyOrder({"merchantId", "name", "partnerId", "currency", "onboardedAt", "feePlans"})
public record MerchantProfile(String merchantId, String name, String partnerId, String currency, Instant onboardedAt,
                              List<FeePlanVersionBody> feePlans) {

    public MerchantProfile {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(onboardedAt, "onboardedAt");
        feePlans = List.copyOf(feePlans);
        if (feePlans.isEmpty()) {
            throw new IllegalArgumentException("merchant '" + merchantId + "' has no fee plan");
        }
    }

    public static MerchantProfile of(MerchantRecord r) {
        // Through ledger-model's state, so a stored merchant that breaks an invariant fails here, loudly.
        MerchantState s = StateRecords.merchant(r);
        List<FeePlanVersionBody> plans = s.feePlans().stream()
                .map(v -> new FeePlanVersionBody(v.effectiveFrom(), FeePlanBody.of(v.plan())))
                .toList();
        return new MerchantProfile(s.merchantId().value(), s.name(),
                s.partnerId() == null ? null : s.partnerId().value(), s.currency().code(), s.onboardedAt(), plans);
    }

    /** The plan in force at {@code t}: ledger-model's rule ({@link MerchantState#feePlanAt}), not a copy of it. */
    public FeePlanBody feePlanAt(Instant t) {
        List<FeePlanVersion> versions = feePlans.stream()
                .map(v -> new FeePlanVersion(toPlan(v.feePlan()), v.effectiveFrom()))
                .toList();
        MerchantState state = new MerchantState(new MerchantId(merchantId), name,
                partnerId == null ? null : new PartnerId(partnerId), CurrencyCode.of(currency), onboardedAt, versions);
        return FeePlanBody.of(state.feePlanAt(t));
    }

    private static FeePlan toPlan(FeePlanBody b) {
        return new FeePlan(b.cardBps(), b.cardFixed(), b.microBps(), b.microFixed(), b.chargebackFee(),
                b.partnerShareBps());
    }
}
