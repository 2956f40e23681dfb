package org.kleline.ledger.model.merchant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * A merchant that exists (an accepted MerchantOnboarded) and the history of its fee plans,
 * in log order, so that any event can be priced with the plan in effect at its own time.
 *
 * @param merchantId  the merchant
 * @param name        its display name
 * @param partnerId   the partner who brought it, or {@code null}
 * @param currency    its one currency
 * @param onboardedAt the onboarding's occurredAt
 * @param feePlans    every accepted plan in log order, the onboarding plan first (effective
 *                    from {@code onboardedAt})
 */
public record MerchantState(
        MerchantId merchantId,
        String name,
        PartnerId partnerId,
        CurrencyCode currency,
        Instant onboardedAt,
        List<FeePlanVersion> feePlans) {

    public MerchantState {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(onboardedAt, "onboardedAt");
        feePlans = List.copyOf(feePlans);
        if (feePlans.isEmpty() || !feePlans.get(0).effectiveFrom().equals(onboardedAt)) {
            throw new IllegalArgumentException("merchant " + merchantId
                    + " needs its onboarding plan first, effective from " + onboardedAt + ": " + feePlans);
        }
    }

    /** A merchant just onboarded with {@code plan}, effective from {@code onboardedAt}. */
    public static MerchantState onboarded(
            MerchantId merchantId,
            String name,
            PartnerId partnerId,
            CurrencyCode currency,
            Instant onboardedAt,
            FeeSchedule plan) {
        return new MerchantState(
                merchantId, name, partnerId, currency, onboardedAt, List.of(new FeePlanVersion(plan, onboardedAt)));
    }

    /** This merchant with {@code version} appended, the latest in the log. */
    public MerchantState withFeePlan(FeePlanVersion version) {
        List<FeePlanVersion> versions = new ArrayList<>(feePlans.size() + 1);
        versions.addAll(feePlans);
        versions.add(version);
        return new MerchantState(merchantId, name, partnerId, currency, onboardedAt, versions);
    }

    /** Whether the merchant exists for an event of another key at {@code t}: onboarded at or before it. */
    public boolean existsAt(Instant t) {
        return !onboardedAt.isAfter(t);
    }

    /**
     * The plan in effect at {@code t}: the onboarding plan when t is earlier than the onboarding;
     * else the plan with the greatest effectiveFrom <= t, the later in the log on a tie.
     */
    public FeeSchedule feePlanAt(Instant t) {
        if (t.isBefore(onboardedAt)) {
            return feePlans.get(0).plan();
        }
        FeePlanVersion best = feePlans.get(0);
        for (int i = 1; i < feePlans.size(); i++) {
            FeePlanVersion version = feePlans.get(i);
            Instant from = version.effectiveFrom();
            if (!from.isAfter(t) && !from.isBefore(best.effectiveFrom())) {
                best = version;
            }
        }
        return best.plan();
    }

    /** What an event at {@code t} of another key sees of this merchant. */
    public MerchantTerms termsAt(Instant t) {
        return new MerchantTerms(merchantId, currency, partnerId, feePlanAt(t), onboardedAt);
    }
}
