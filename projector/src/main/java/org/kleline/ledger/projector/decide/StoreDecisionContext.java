package org.kleline.ledger.projector.decide;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.merchants.MerchantDirectory;
import org.kleline.ledger.projector.read.FirstOutcomes;

/**
 * The rules' context answered from the decide task's stores and the merchant directory, for the
 * event whose position {@link #deciding} was last told.
 */
final class StoreDecisionContext implements DecisionContext {

    private final ReadOnlyKeyValueStore<String, EventOutcome> outcomes;
    private final ReadOnlyKeyValueStore<String, byte[]> payoutIds;
    private final MerchantDirectory merchants;
    private LogPosition position;
    /** The eventId whose outcome under the eventId alone was last read, and what was read: once per event. */
    private String readEventId;

    private EventOutcome readFirst;

    StoreDecisionContext(
            ReadOnlyKeyValueStore<String, EventOutcome> outcomes,
            ReadOnlyKeyValueStore<String, byte[]> payoutIds,
            MerchantDirectory merchants) {
        this.outcomes = outcomes;
        this.payoutIds = payoutIds;
        this.merchants = merchants;
    }

    /** The event about to be decided stands at {@code where}: merchant look-ups are bounded by it. */
    void deciding(LogPosition where) {
        this.position = where;
        this.readEventId = null;
        this.readFirst = null;
    }

    /**
     * The outcome stored under {@code eventId} alone in this partition (the first decided for it here), null
     * when none: read from the store once for the event being decided, then reused by the duplicate check,
     * by {@link FirstOutcomes#record} and by the statement lines ({@code AccountPostings}), which would
     * otherwise each read the same key again.
     */
    EventOutcome firstUnderEventId(String eventId) {
        if (!eventId.equals(readEventId)) {
            readFirst = outcomes.get(eventId);
            readEventId = eventId;
        }
        return readFirst;
    }

    @Override
    public boolean seen(AggregateKey key, String eventId) {
        return FirstOutcomes.underKey(
                        k -> k.equals(eventId) ? firstUnderEventId(k) : outcomes.get(k), eventId, key.value())
                != null;
    }

    @Override
    public Optional<MerchantTerms> merchantTerms(String merchantId, Instant at) {
        return merchants.termsAt(merchantId, at, position);
    }

    @Override
    public boolean payoutIdUsed(String merchantId, String payoutId) {
        return payoutIds.get(DecisionKeys.payout(merchantId, payoutId)) != null;
    }
}
