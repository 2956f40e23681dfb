package org.kleline.ledger.model.event;

/** The three aggregates whose ids key the events (docs/domain.md, "Events"). */
public enum AggregateType {
    /** Wallet events and micropayments, keyed by walletId. */
    WALLET("wallet"),
    /** Card payment events, keyed by paymentId. */
    PAYMENT("payment"),
    /** Merchant events (onboarding, fee plan changes, payouts), keyed by merchantId. */
    MERCHANT("merchant");

    private final String prefix;

    AggregateType(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix of the key string, e.g. {@code wallet} in {@code wallet:w-1}. */
    public String prefix() {
        return prefix;
    }
}
