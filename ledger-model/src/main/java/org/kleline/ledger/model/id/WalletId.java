package org.kleline.ledger.model.id;

/**
 * The id of a customer's prepaid wallet (K-Wallet). Matches {@link IdSyntax#PATTERN}.
 *
 * @param value the id as clients send it
 */
public record WalletId(String value) {

    public WalletId {
        IdSyntax.require("walletId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
