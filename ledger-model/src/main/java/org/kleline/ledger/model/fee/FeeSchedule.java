package org.kleline.ledger.model.fee;

import org.kleline.ledger.model.money.RequestedAmount;
import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * A merchant's fee plan: rates in basis points (0..10000) and fixed amounts in minor units of
 * the merchant's currency (0 ..= 1,000,000,000,000). Card rates apply to captures, micro rates to micropayments,
 * the chargeback fee to each chargeback; the partner's share is taken from card and micro
 * fees only.
 *
 * @param cardBps         card fee rate
 * @param cardFixed       fixed card fee per capture, minor units
 * @param microBps        micropayment fee rate
 * @param microFixed      fixed fee per micropayment, minor units
 * @param chargebackFee   fee per chargeback, minor units, all of it the platform's
 * @param partnerShareBps the partner's share of card and micro fees
 */
public record FeeSchedule(
        int cardBps, long cardFixed, int microBps, long microFixed, long chargebackFee, int partnerShareBps) {

    public static final int BPS_MAX = 10_000;
    /**
     * The rules themselves only need >= 0 (docs/domain.md states the cap). Capped at the largest
     * requested amount so that {@code amount + chargebackFee} and a day's sums of fees stay far
     * inside a long.
     */
    public static final long FIXED_MINOR_MAX = RequestedAmount.MINOR_MAX;

    public FeeSchedule {
        requireBps("feePlan.cardBps", cardBps);
        requireFixed("feePlan.cardFixed", cardFixed);
        requireBps("feePlan.microBps", microBps);
        requireFixed("feePlan.microFixed", microFixed);
        requireFixed("feePlan.chargebackFee", chargebackFee);
        requireBps("feePlan.partnerShareBps", partnerShareBps);
    }

    /**
     * Validates the Avro fee plan of an event.
     *
     * @throws InvalidFieldException naming the first field at fault ({@code feePlan} when absent)
     */
    public static FeeSchedule fromAvro(org.kleline.ledger.events.FeePlan avro) {
        if (avro == null) {
            throw new InvalidFieldException("feePlan", null, "is required");
        }
        return new FeeSchedule(
                avro.getCardBps(),
                avro.getCardFixed(),
                avro.getMicroBps(),
                avro.getMicroFixed(),
                avro.getChargebackFee(),
                avro.getPartnerShareBps());
    }

    public org.kleline.ledger.events.FeePlan toAvro() {
        return new org.kleline.ledger.events.FeePlan(
                cardBps, cardFixed, microBps, microFixed, chargebackFee, partnerShareBps);
    }

    /** The fee of a capture of {@code amountMinor}. */
    public long cardFee(long amountMinor) {
        return Fees.fee(amountMinor, cardBps, cardFixed);
    }

    /** The fee of a micropayment of {@code amountMinor}. */
    public long microFee(long amountMinor) {
        return Fees.fee(amountMinor, microBps, microFixed);
    }

    /** The partner's part of {@code feeMinor}, for a merchant that has a partner. */
    public long partnerCommission(long feeMinor) {
        return Fees.commission(feeMinor, partnerShareBps);
    }

    private static void requireBps(String field, int bps) {
        if (bps < 0 || bps > BPS_MAX) {
            throw new InvalidFieldException(field, bps, "must be 0..10000 basis points");
        }
    }

    private static void requireFixed(String field, long minor) {
        if (minor < 0 || minor > FIXED_MINOR_MAX) {
            throw new InvalidFieldException(field, minor, "must be 0..1000000000000 minor units");
        }
    }
}
