package org.kleline.ledger.projector.merchants;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.decision.Payouts;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.merchant.MerchantDecider;
import org.kleline.ledger.model.merchant.MerchantHistory;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every merchant's states, in memory, built by applying ledger-model's merchant rules to the
 * merchant events in log order: the same rules, the same duplicate and payout-id checks as the
 * decide stage, so the same existence and fee-plan history. Each state is kept with the offset of
 * the event that made it ({@link MerchantHistory}), so a look-up answers the merchant as it stood
 * below the asking event's bound, never a later state. Written by one reader thread, read by every
 * decide thread: a merchant's versions are replaced whole in a concurrent map.
 */
final class MerchantBook {

    /** A bound on what the book holds: merchants, plus eventIds and payoutIds seen under their keys. */
    public static final int ENTRIES_MAX = 5_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(MerchantBook.class);
    /** Not an id character: joined keys of the in-memory sets cannot collide. */
    private static final char SEPARATOR = ' ';

    private final MerchantDecider decider;
    /** The latest state per merchant: what the next merchant event of that key is decided against. */
    private final Map<String, MerchantState> latest = new HashMap<>();

    private final MerchantHistory history = new MerchantHistory(new ConcurrentHashMap<>());
    private final Set<String> seen = new HashSet<>();
    private final Set<String> payoutIds = new HashSet<>();
    private final DecisionContext context = new BookContext();

    public MerchantBook(BusinessCalendar calendar) {
        this.decider = new MerchantDecider(calendar);
    }

    /**
     * Applies the merchant event at {@code offset} of its partition (reader thread only). A record the
     * decide stage sets aside (its key not its aggregate, a field breaking the log's contract) is
     * skipped as it is there; any other failure is thrown: the directory stops rather than miss a merchant.
     *
     * @throws IllegalStateException when the book is full ({@value #ENTRIES_MAX} entries)
     */
    public void apply(String recordKey, EventEnvelope event, long offset) {
        AggregateKey key;
        try {
            key = AggregateKey.of(event);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (key.type() != AggregateType.MERCHANT || !key.value().equals(recordKey)) {
            return;
        }
        MerchantState before = latest.get(key.id());
        Decision<MerchantState> decision;
        try {
            decision = decider.decide(before, event, context);
        } catch (InvalidFieldException e) {
            LOG.debug("merchant directory skips invalid event {}: {}", event.getEventId(), e.toString());
            return;
        }
        if (decision.recordsEventId()) {
            requireRoom();
            seen.add(key.value() + SEPARATOR + event.getEventId());
        }
        Payouts.applied(decision).ifPresent(p -> {
            requireRoom();
            payoutIds.add(p.getMerchantId() + SEPARATOR + p.getPayoutId());
        });
        MerchantState after = decision.nextState();
        if (decision.isAccepted() && after != null && after != before) {
            requireRoom();
            latest.put(key.id(), after);
            history.record(key.id(), offset, after);
        }
    }

    /** The merchant as of {@code at}, from its events below {@code bound} on its partition. */
    public Optional<MerchantTerms> termsAt(String merchantId, Instant at, long bound) {
        return history.below(merchantId, bound).map(state -> state.termsAt(at));
    }

    private void requireRoom() {
        if (latest.size() + seen.size() + payoutIds.size() >= ENTRIES_MAX) {
            throw new IllegalStateException("merchant directory is full: " + ENTRIES_MAX
                    + " merchants, merchant eventIds and payoutIds; the projector stops rather than forget one");
        }
    }

    private final class BookContext implements DecisionContext {
        @Override
        public boolean seen(AggregateKey key, String eventId) {
            return seen.contains(key.value() + SEPARATOR + eventId);
        }

        @Override
        public Optional<MerchantTerms> merchantTerms(String merchantId, Instant at) {
            // Merchant events never look another merchant up; the decider asks only payments' questions here.
            MerchantState state = latest.get(merchantId);
            return state == null ? Optional.empty() : Optional.of(state.termsAt(at));
        }

        @Override
        public boolean payoutIdUsed(String merchantId, String payoutId) {
            return payoutIds.contains(merchantId + SEPARATOR + payoutId);
        }
    }
}
