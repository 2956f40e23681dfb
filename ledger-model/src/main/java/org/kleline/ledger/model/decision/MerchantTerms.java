package org.kleline.ledger.model.decision;

import java.time.Instant;
import java.util.Objects;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * What an event of another key needs to know about a merchant at its time t: the merchant's
 * currency and partner, and the fee plan in effect at t (docs/domain.md: the greatest
 * effectiveFrom <= t, the later in the log on a tie; the onboarding plan when t is earlier
 * than the onboarding).
 *
 * <p>The merchant exists for that event only when it was onboarded by t
 * ({@link #onboardedBy}); a capture or chargeback of an existing payment still needs the plan
 * when t is earlier (an import with older times), which is why terms are given either way.
 *
 * @param merchantId  the merchant
 * @param currency    the merchant's one currency
 * @param partnerId   the partner earning commission, or {@code null} when none
 * @param feePlan     the fee plan in effect at the time asked
 * @param onboardedAt the occurredAt of the merchant's accepted MerchantOnboarded
 */
public record MerchantTerms(
        MerchantId merchantId, CurrencyCode currency, PartnerId partnerId, FeeSchedule feePlan, Instant onboardedAt) {

    public MerchantTerms {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(feePlan, "feePlan");
        Objects.requireNonNull(onboardedAt, "onboardedAt");
    }

    /** Whether the merchant exists for an event at {@code t}: onboarded at or before it. */
    public boolean onboardedBy(Instant t) {
        return !onboardedAt.isAfter(t);
    }

    public boolean hasPartner() {
        return partnerId != null;
    }

    /** The partner's part of {@code feeMinor}: 0 for a merchant without a partner. */
    public long commission(long feeMinor) {
        return hasPartner() ? feePlan.partnerCommission(feeMinor) : 0L;
    }
}
