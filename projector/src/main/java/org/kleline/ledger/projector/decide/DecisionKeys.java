package org.kleline.ledger.projector.decide;

/** Keys of the duplicate and payout-id checks, in the stores and in the merchant directory. */
public final class DecisionKeys {

    private DecisionKeys() {}

    /** {@code aggregateKey|eventId}: an eventId seen under a key. */
    public static String seen(String aggregateKey, String eventId) {
        return aggregateKey + '|' + eventId;
    }

    /** {@code merchantId|payoutId}: a payoutId used by a merchant. */
    public static String payout(String merchantId, String payoutId) {
        return merchantId + '|' + payoutId;
    }
}
