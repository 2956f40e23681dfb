package org.kleline.ledger.model.decision;

import java.time.Instant;
import java.util.Optional;
import org.kleline.ledger.model.event.AggregateKey;

/**
 * What a rule needs beyond the state of the event's own aggregate. The projector answers from
 * its state stores, the audit and the tests from maps; the rules stay pure.
 *
 * <p>After a decision, the caller records what it implies: the eventId as seen under its key
 * unless the outcome is DUPLICATE ({@link Decision#recordsEventId()}), and the payoutId of an
 * accepted MerchantPaidOut ({@link Payouts#applied(Decision)}).
 */
public interface DecisionContext {

    /**
     * Whether {@code eventId} was already decided under {@code key} (ACCEPTED or REJECTED):
     * the event is then a DUPLICATE, whatever its payload.
     */
    boolean seen(AggregateKey key, String eventId);

    /**
     * The merchant {@code merchantId} as an event at time {@code at} sees it, from the
     * merchant's events earlier in the log ({@code MerchantState#termsAt} computes it): empty
     * only when no MerchantOnboarded of that merchant was accepted.
     */
    Optional<MerchantTerms> merchantTerms(String merchantId, Instant at);

    /**
     * Whether an accepted MerchantPaidOut of {@code merchantId} already used {@code payoutId}.
     * Kept here rather than in the merchant's state, which every cross-key lookup reads and
     * which would otherwise grow by a payout a day.
     */
    boolean payoutIdUsed(String merchantId, String payoutId);
}
