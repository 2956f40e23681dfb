package org.kleline.ledger.simulator.generate;

import java.time.Instant;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.simulator.business.ActiveMerchants;
import org.kleline.ledger.simulator.business.FeePlanChange;
import org.kleline.ledger.simulator.business.MerchantProfile;
import org.kleline.ledger.simulator.business.MerchantRoster;

/** The back office: onboards the roster's merchants on their dates and records renegotiated plans. */
final class MerchantFlow {

    private final MerchantRoster roster;
    private final ActiveMerchants active;
    private final Emitter emitter;
    private final String currency;

    MerchantFlow(MerchantRoster roster, ActiveMerchants active, Emitter emitter, String currency) {
        this.roster = roster;
        this.active = active;
        this.emitter = emitter;
        this.currency = currency;
    }

    /** Puts every onboarding and plan change of the year on the agenda. */
    void scheduleYear(Agenda agenda) {
        for (MerchantProfile merchant : roster.profiles()) {
            agenda.scheduleClamped(merchant.onboardAtMs(), new Action.Onboarding(merchant.index()));
        }
        for (FeePlanChange change : roster.feePlanChanges()) {
            agenda.scheduleClamped(change.atMs(), new Action.PlanChange(change));
        }
    }

    SimulatedEvent onboard(long atMs, Action.Onboarding onboarding) {
        MerchantProfile merchant = roster.profile(onboarding.merchant());
        active.activate(merchant.index());
        return emitter.backOffice(
                atMs,
                new MerchantOnboarded(
                        merchant.merchantId(),
                        merchant.name(),
                        merchant.partnerId(),
                        currency,
                        merchant.feePlan().toAvro()));
    }

    SimulatedEvent changePlan(long atMs, Action.PlanChange planChange) {
        FeePlanChange change = planChange.change();
        MerchantProfile merchant = roster.profile(change.merchantIndex());
        if (!active.isActive(merchant.index())) {
            throw new IllegalStateException("fee plan change for " + merchant.merchantId() + " before its onboarding");
        }
        return emitter.backOffice(
                atMs,
                new MerchantFeePlanChanged(
                        merchant.merchantId(),
                        change.feePlan().toAvro(),
                        Instant.ofEpochMilli(change.effectiveFromMs())));
    }
}
