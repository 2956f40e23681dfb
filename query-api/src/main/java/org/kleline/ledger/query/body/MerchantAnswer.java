package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.merchant.FeePlanVersion;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StateRecords;

/**
 * A merchant as the merchants store holds it, every fee plan included: what the owner of the
 * merchant's key answers. The public body adds the plan in force and the account's balance, which
 * live elsewhere ({@link MerchantBody}).
 */
@JsonPropertyOrder({"merchantId", "name", "partnerId", "currency", "onboardedAt", "feePlans"})
public record MerchantAnswer(
        String merchantId,
        String name,
        String partnerId,
        String currency,
        Instant onboardedAt,
        List<FeePlanVersionBody> feePlans) {

    public MerchantAnswer {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(onboardedAt, "onboardedAt");
        feePlans = List.copyOf(feePlans);
        if (feePlans.isEmpty()) {
            throw new IllegalArgumentException("merchant '" + merchantId + "' has no fee plan");
        }
    }

    public static MerchantAnswer of(MerchantRecord r) {
        // Through ledger-model's state, so a stored merchant that breaks an invariant fails here, loudly.
        MerchantState s = StateRecords.merchant(r);
        List<FeePlanVersionBody> plans = s.feePlans().stream()
                .map(v -> new FeePlanVersionBody(v.effectiveFrom(), FeePlanAnswer.of(v.plan())))
                .toList();
        return new MerchantAnswer(
                s.merchantId().value(),
                s.name(),
                s.partnerId() == null ? null : s.partnerId().value(),
                s.currency().code(),
                s.onboardedAt(),
                plans);
    }

    /** The plan in force at {@code t}: ledger-model's rule ({@link MerchantState#feePlanAt}), not a copy of it. */
    public FeePlanAnswer feePlanAt(Instant t) {
        List<FeePlanVersion> versions = feePlans.stream()
                .map(v -> new FeePlanVersion(toPlan(v.feePlan()), v.effectiveFrom()))
                .toList();
        MerchantState state = new MerchantState(
                new MerchantId(merchantId),
                name,
                partnerId == null ? null : new PartnerId(partnerId),
                CurrencyCode.of(currency),
                onboardedAt,
                versions);
        return FeePlanAnswer.of(state.feePlanAt(t));
    }

    private static FeeSchedule toPlan(FeePlanAnswer b) {
        return new FeeSchedule(
                b.cardBps(), b.cardFixed(), b.microBps(), b.microFixed(), b.chargebackFee(), b.partnerShareBps());
    }
}
