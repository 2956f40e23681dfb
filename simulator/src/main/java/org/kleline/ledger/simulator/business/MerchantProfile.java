package org.kleline.ledger.simulator.business;

import java.util.Objects;
import org.kleline.ledger.model.fee.FeeSchedule;

/**
 * One simulated merchant site.
 *
 * @param index       its place in the roster (0-based); merchant ids follow it
 * @param merchantId  its id
 * @param name        its display name
 * @param partnerId   the reseller who brought it, or {@code null}
 * @param feePlan     its plan at onboarding
 * @param weight      its share of the traffic, relative to the other merchants' (a few big sites
 *                    take most of it)
 * @param takesWallet whether it takes K-Wallet micropayments
 * @param onboardAtMs when it is onboarded (epoch ms)
 */
public record MerchantProfile(
        int index,
        String merchantId,
        String name,
        String partnerId,
        FeeSchedule feePlan,
        long weight,
        boolean takesWallet,
        long onboardAtMs) {

    public MerchantProfile {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(feePlan, "feePlan");
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be >= 1, was " + weight);
        }
    }
}
