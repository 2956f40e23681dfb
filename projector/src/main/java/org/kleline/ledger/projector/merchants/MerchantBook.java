package org.kleline.ledger.projector.merchants;

import java.time.Instant;
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
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.projector.decide.DecisionKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every merchant's state, in memory, built by applying ledger-model's merchant rules to the
 * merchant events in log order: the same rules, the same duplicate and payout-id checks as the
 * decide stage, so the same existence and fee-plan history. Written by one reader thread, read by
 * every decide thread; states are immutable, so a read needs no lock.
 */
public final class MerchantBook {

    /** A bound on what the book holds: merchants, plus eventIds and payoutIds seen under their keys. */
    public static final int ENTRIES_MAX = 5_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(MerchantBook.class);

    private final MerchantDecider decider;
    private final Map<String, MerchantState> states = new ConcurrentHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> payoutIds = new HashSet<>();
    private final DecisionContext context = new BookContext();

    public MerchantBook(BusinessCalendar calendar) {
        this.decider = new MerchantDecider(calendar);
    }

    /** Applies one merchant event (reader thread only); an invalid one is skipped as the decide stage skips it. */
    public void apply(EventEnvelope event) {
        AggregateKey key;
        try {
            key = AggregateKey.of(event);
        } catch (RuntimeException e) {
            return;
        }
        if (key.type() != AggregateType.MERCHANT) {
            return;
        }
        Decision<MerchantState> decision;
        try {
            decision = decider.decide(states.get(key.id()), event, context);
        } catch (RuntimeException e) {
            LOG.debug("merchant directory skips invalid event {}: {}", event.getEventId(), e.toString());
            return;
        }
        if (decision.recordsEventId()) {
            requireRoom();
            seen.add(DecisionKeys.seen(key.value(), event.getEventId()));
        }
        Payouts.applied(decision).ifPresent(p -> payoutIds.add(DecisionKeys.payout(p.getMerchantId(), p.getPayoutId())));
        if (decision.isAccepted() && decision.nextState() != null) {
            states.put(key.id(), decision.nextState());
        }
    }

    public Optional<MerchantTerms> termsAt(String merchantId, Instant at) {
        MerchantState state = states.get(merchantId);
        return state == null ? Optional.empty() : Optional.of(state.termsAt(at));
    }

    public int merchants() {
        return states.size();
    }

    private void requireRoom() {
        if (states.size() + seen.size() + payoutIds.size() >= ENTRIES_MAX) {
            throw new IllegalStateException("merchant directory is full: " + ENTRIES_MAX
                    + " merchants, merchant eventIds and payoutIds");
        }
    }

    private final class BookContext implements DecisionContext {
        @Override
        public boolean seen(AggregateKey key, String eventId) {
            return seen.contains(DecisionKeys.seen(key.value(), eventId));
        }

        @Override
        public Optional<MerchantTerms> merchantTerms(String merchantId, Instant at) {
            return termsAt(merchantId, at);
        }

        @Override
        public boolean payoutIdUsed(String merchantId, String payoutId) {
            return payoutIds.contains(DecisionKeys.payout(merchantId, payoutId));
        }
    }
}
