package org.kleline.ledger.model.id;

/**
 * The id of a card payment, from its authorization on. Matches {@link IdSyntax#PATTERN}.
 *
 * @param value the id as clients send it
 */
public record PaymentId(String value) {

    public PaymentId {
        IdSyntax.require("paymentId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
