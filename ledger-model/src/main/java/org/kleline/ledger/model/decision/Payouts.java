package org.kleline.ledger.model.decision;

import java.util.Optional;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.settlement.Payout;

/**
 * The payout an accepted MerchantPaidOut applied, as the {@code ledger.settlements} topic
 * carries it. Its payoutId is the one the caller records as used for the merchant
 * ({@link DecisionContext#payoutIdUsed}).
 */
public final class Payouts {

    private Payouts() {}

    /** The payout applied, or empty when the decision is not an accepted MerchantPaidOut. */
    public static Optional<Payout> applied(Decision<?> decision) {
        if (!decision.isAccepted() || !(decision.event().getPayload() instanceof MerchantPaidOut paidOut)) {
            return Optional.empty();
        }
        String currency = decision.settlementEffect().key().currency().code();
        return Optional.of(new Payout(
                paidOut.getPayoutId(),
                paidOut.getMerchantId(),
                paidOut.getBusinessDate(),
                currency,
                paidOut.getAmount(),
                decision.eventId()));
    }
}
