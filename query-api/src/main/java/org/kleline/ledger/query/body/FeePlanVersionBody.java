package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/** One fee plan of a merchant's history and the instant it takes effect. */
@JsonPropertyOrder({"effectiveFrom", "feePlan"})
public record FeePlanVersionBody(Instant effectiveFrom, FeePlanAnswer feePlan) {

    public FeePlanVersionBody {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(feePlan, "feePlan");
    }
}
