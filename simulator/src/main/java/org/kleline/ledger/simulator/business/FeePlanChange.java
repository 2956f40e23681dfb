package org.kleline.ledger.simulator.business;

import java.util.Objects;
import org.kleline.ledger.model.fee.FeeSchedule;

/**
 * A merchant's renegotiated plan: agreed at {@code atMs}, effective from the first of the next
 * month.
 *
 * @param merchantIndex   the merchant, by roster index
 * @param feePlan         the new plan
 * @param atMs            when the change is recorded (epoch ms)
 * @param effectiveFromMs when it takes effect (epoch ms), later than {@code atMs}
 */
public record FeePlanChange(int merchantIndex, FeeSchedule feePlan, long atMs, long effectiveFromMs) {

    public FeePlanChange {
        Objects.requireNonNull(feePlan, "feePlan");
        if (effectiveFromMs < atMs) {
            throw new IllegalArgumentException("effectiveFromMs " + effectiveFromMs + " is before atMs " + atMs);
        }
    }
}
