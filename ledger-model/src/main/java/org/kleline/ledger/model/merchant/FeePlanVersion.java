package org.kleline.ledger.model.merchant;

import java.time.Instant;
import java.util.Objects;
import org.kleline.ledger.model.fee.FeeSchedule;

/**
 * A fee plan and the time it takes effect: the onboarding's occurredAt for the first plan, a
 * change's effectiveFrom (default its occurredAt) for the others.
 *
 * @param plan          the plan
 * @param effectiveFrom when it takes effect
 */
public record FeePlanVersion(FeeSchedule plan, Instant effectiveFrom) {

    public FeePlanVersion {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
