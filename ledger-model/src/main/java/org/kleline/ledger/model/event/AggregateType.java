package org.kleline.ledger.model.event;

/** The three aggregates whose ids key the events (docs/domain.md, "Events"). */
public enum AggregateType {
    /** Wallet events and micropayments, keyed by walletId. */
    WALLET("wallet", "wallet"),
    /** Card payment events, keyed by paymentId. */
    PAYMENT("payment", "card payment"),
    /** Merchant events (onboarding, fee plan changes, payouts), keyed by merchantId. */
    MERCHANT("merchant", "merchant");

    private final String prefix;
    private final String eventsName;

    AggregateType(String prefix, String eventsName) {
        this.prefix = prefix;
        this.eventsName = eventsName;
    }

    /** The prefix of the key string, e.g. {@code wallet} in {@code wallet:w-1}. */
    public String prefix() {
        return prefix;
    }

    /** How a message names the aggregate's events, e.g. {@code card payment} in "not a card payment event". */
    public String eventsName() {
        return eventsName;
    }
}
