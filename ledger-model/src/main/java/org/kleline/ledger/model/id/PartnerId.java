package org.kleline.ledger.model.id;

/**
 * The id of a commercial partner who brought merchants and earns a share of their fees. Matches {@link IdSyntax#PATTERN}.
 *
 * @param value the id as clients send it
 */
public record PartnerId(String value) {

    public PartnerId {
        IdSyntax.require("partnerId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
