package org.kleline.ledger.model.money;

import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * An amount a client may ask to move in one event (and a wallet's {@code maxBalance}):
 * 1 ..= 1,000,000,000,000 minor units. Settlement payouts are the one amount not bound by the
 * upper limit (docs/domain.md).
 *
 * @param amountMinor minor units of the event's currency
 */
public record RequestedAmount(long amountMinor) {

    public static final long MINOR_MIN = 1L;
    public static final long MINOR_MAX = 1_000_000_000_000L;

    public RequestedAmount {
        require("amount", amountMinor);
    }

    /** Whether {@code amountMinor} is within 1 ..= 1e12. */
    public static boolean isValid(long amountMinor) {
        return amountMinor >= MINOR_MIN && amountMinor <= MINOR_MAX;
    }

    /**
     * Returns {@code amountMinor} when valid.
     *
     * @throws InvalidFieldException naming {@code field} otherwise
     */
    public static long require(String field, long amountMinor) {
        if (!isValid(amountMinor)) {
            throw new InvalidFieldException(field, amountMinor, "must be 1..1000000000000 minor units");
        }
        return amountMinor;
    }
}
