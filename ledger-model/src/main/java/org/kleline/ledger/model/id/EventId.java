package org.kleline.ledger.model.id;

import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * An event's id: the client's idempotency key, {@link IdSyntax#PATTERN}. The events a
 * settlement run appends use their payout id as event id, so those may be longer
 * ({@link #ofSettlementPayout}).
 *
 * @param value the id
 */
public record EventId(String value) {

    public EventId {
        if (!IdSyntax.isValid(value) && !(PayoutId.isReserved(value) && PayoutId.isValid(value))) {
            throw new InvalidFieldException(
                    "eventId", value, "must match " + IdSyntax.PATTERN + " (or be a settlement payout id)");
        }
    }

    /** The event id of the MerchantPaidOut a settlement run appends: its payout id. */
    public static EventId ofSettlementPayout(PayoutId payoutId) {
        if (!payoutId.isSettlement()) {
            throw new InvalidFieldException("payoutId", payoutId.value(), "must be a settlement payout id (po-...)");
        }
        return new EventId(payoutId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
