package org.kleline.ledger.model.id;

/**
 * The id of a merchant selling on the platform. Matches {@link IdSyntax#PATTERN}.
 *
 * @param value the id as clients send it
 */
public record MerchantId(String value) {

    public MerchantId {
        IdSyntax.require("merchantId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
