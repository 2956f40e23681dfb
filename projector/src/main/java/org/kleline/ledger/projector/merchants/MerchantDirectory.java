package org.kleline.ledger.projector.merchants;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
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

    /**
     * The partition of ledger.events that holds the events of {@code recordKey}, when this directory
     * knows the log's partition count (empty when it reads one task's own store and every event is in
     * that task). Every producer of the log partitions by key; an event found elsewhere was written
     * around them, and its merchant look-ups (or, for a merchant event, the directory) would not find it.
     */
    default OptionalInt partitionOfKey(String recordKey) {
        return OptionalInt.empty();
    }
}
