package org.kleline.ledger.model.account;

/** The kinds of account of docs/domain.md, by the prefix of their id. */
public enum AccountType {
    /** {@code wallet:{walletId}}: what the platform owes a customer; never negative. */
    WALLET("wallet"),
    /** {@code merchant:{merchantId}}: what the platform owes a merchant; may go negative. */
    MERCHANT("merchant"),
    /** {@code partner:{partnerId}}: commission owed to a partner; only ever credited. */
    PARTNER("partner"),
    /** {@code platform:fees}, {@code platform:card-clearing}, {@code platform:payouts}. */
    PLATFORM("platform");

    private final String prefix;

    AccountType(String prefix) {
        this.prefix = prefix;
    }

    /** The id prefix before the colon, e.g. {@code wallet}. */
    public String prefix() {
        return prefix;
    }
}
