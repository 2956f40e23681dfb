package org.kleline.ledger.simulator.generate;

import java.time.Instant;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.simulator.business.FeePlanChange;
import org.kleline.ledger.simulator.business.MerchantProfile;

/** The back office: onboards the roster's merchants on their dates and records renegotiated plans. */
final class MerchantFlow {

    private final Market market;

    MerchantFlow(Market market) {
        this.market = market;
    }

    /** Puts every onboarding and plan change of the year on the agenda. */
    void scheduleYear() {
        for (MerchantProfile merchant : market.roster().profiles()) {
            market.agenda().scheduleClamped(merchant.onboardAtMs(), new Action.Onboarding(merchant.index()));
        }
        for (FeePlanChange change : market.roster().feePlanChanges()) {
            market.agenda().scheduleClamped(change.atMs(), new Action.PlanChange(change));
        }
    }

    SimulatedEvent onboard(long atMs, Action.Onboarding onboarding) {
        MerchantProfile merchant = market.roster().profile(onboarding.merchant());
        market.active().activate(merchant.index());
        return market.emitter()
                .backOffice(
                        atMs,
                        new MerchantOnboarded(
                                merchant.merchantId(),
                                merchant.name(),
                                merchant.partnerId(),
                                market.currency(),
                                merchant.feePlan().toAvro()));
    }

    SimulatedEvent changePlan(long atMs, Action.PlanChange planChange) {
        FeePlanChange change = planChange.change();
        MerchantProfile merchant = market.roster().profile(change.merchantIndex());
        if (!market.active().isActive(merchant.index())) {
            throw new IllegalStateException("fee plan change for " + merchant.merchantId() + " before its onboarding");
        }
        return market.emitter()
                .backOffice(
                        atMs,
                        new MerchantFeePlanChanged(
                                merchant.merchantId(),
                                change.feePlan().toAvro(),
                                Instant.ofEpochMilli(change.effectiveFromMs())));
    }
}
