package org.kleline.ledger.simulator.business;

import org.kleline.ledger.model.fee.FeeSchedule;

/**
 * Fee plans as a reseller of 1999 would have sold them: card 1.5% to 3% plus 0 to 30 cents,
 * micropayments 5% to 15% plus 0 to 2 cents, a chargeback fee of 10 to 20 EUR, and the partner's
 * share (10% to 40%, set per partner) of card and micro fees.
 */
final class FeePlans {

    public static final int CARD_BPS_MIN = 150;
    public static final int CARD_BPS_MAX = 300;
    public static final long CARD_FIXED_MAX = 30;
    public static final int MICRO_BPS_MIN = 500;
    public static final int MICRO_BPS_MAX = 1_500;
    public static final long MICRO_FIXED_MAX = 2;
    public static final long CHARGEBACK_FEE_MIN = 1_000;
    public static final long CHARGEBACK_FEE_MAX = 2_000;
    public static final int PARTNER_SHARE_BPS_MIN = 1_000;
    public static final int PARTNER_SHARE_BPS_MAX = 4_000;

    /** Of renegotiations: a lower card rate for a merchant that grew (else a dearer chargeback fee). */
    private static final int CARD_DISCOUNT_PPM = 700_000;

    private final Chance chance;

    public FeePlans(Chance chance) {
        this.chance = chance;
    }

    /** A plan for a merchant whose partner takes {@code partnerShareBps} (0 without a partner). */
    public FeeSchedule plan(int partnerShareBps) {
        return new FeeSchedule(
                (int) chance.steps(CARD_BPS_MIN, CARD_BPS_MAX, 5),
                chance.steps(0, CARD_FIXED_MAX, 5),
                (int) chance.steps(MICRO_BPS_MIN, MICRO_BPS_MAX, 50),
                chance.between(0L, MICRO_FIXED_MAX),
                chance.steps(CHARGEBACK_FEE_MIN, CHARGEBACK_FEE_MAX, 50),
                partnerShareBps);
    }

    /** A partner's share of its merchants' fees. */
    public int partnerShareBps() {
        return (int) chance.steps(PARTNER_SHARE_BPS_MIN, PARTNER_SHARE_BPS_MAX, 250);
    }

    /** The plan a merchant renegotiates mid-year, still within the ranges above. */
    public FeeSchedule renegotiated(FeeSchedule plan) {
        if (chance.happens(CARD_DISCOUNT_PPM)) {
            int cardBps = Math.max(CARD_BPS_MIN, plan.cardBps() - (int) chance.steps(10, 40, 5));
            return new FeeSchedule(
                    cardBps,
                    plan.cardFixed(),
                    plan.microBps(),
                    plan.microFixed(),
                    plan.chargebackFee(),
                    plan.partnerShareBps());
        }
        long chargebackFee = Math.min(CHARGEBACK_FEE_MAX, plan.chargebackFee() + chance.steps(250, 500, 50));
        return new FeeSchedule(
                plan.cardBps(),
                plan.cardFixed(),
                plan.microBps(),
                plan.microFixed(),
                chargebackFee,
                plan.partnerShareBps());
    }
}
