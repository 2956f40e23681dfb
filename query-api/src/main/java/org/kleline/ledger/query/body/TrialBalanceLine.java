package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One currency of {@code GET /v1/trial-balance}: {@code total} is the sum of every account's balance
 * in it (credits - debits of every posting), 0 when the ledger is sound; {@code accounts} how many
 * accounts hold postings in it. Added: {@code credits}, {@code debits} and {@code postings}.
 */
@JsonPropertyOrder({"currency", "total", "accounts", "credits", "debits", "postings"})
public record TrialBalanceLine(String currency, long total, long accounts, long credits, long debits, long postings) {

    public TrialBalanceLine {
        Objects.requireNonNull(currency, "currency");
        if (total != Math.subtractExact(credits, debits)) {
            throw new IllegalArgumentException(
                    "total must be credits - debits = " + (credits - debits) + ", was " + total);
        }
    }
}
