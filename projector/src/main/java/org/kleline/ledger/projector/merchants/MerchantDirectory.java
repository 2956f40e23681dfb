package org.kleline.ledger.projector.merchants;

import java.time.Instant;
import java.util.Optional;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.LogPosition;

/**
 * Answers, for an event of another key (a micropayment, a card payment event), what its merchant
 * looks like at the event's time: {@link org.kleline.ledger.model.decision.DecisionContext#merchantTerms},
 * from the merchant events the cross-key rule lets count for that event ({@link LogPosition#boundFor}).
 */
public interface MerchantDirectory {

    /**
     * @param at    the event's occurredAt
     * @param event where the event stands in the log, with its {@code appendedAfter} stamp
     * @return empty only when no MerchantOnboarded of the merchant that counts for the event was accepted
     */
    Optional<MerchantTerms> termsAt(String merchantId, Instant at, LogPosition event);
}
