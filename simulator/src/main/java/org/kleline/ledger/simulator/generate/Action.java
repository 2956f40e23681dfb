package org.kleline.ledger.simulator.generate;

import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.simulator.business.FeePlanChange;

/**
 * Something due to happen at a later instant, kept on the {@link Agenda} until then. An action
 * is turned into an event only when its time comes, against the state of that moment, so the
 * generator's state always matches the log up to the line it emits.
 */
sealed interface Action {

    record Onboarding(int merchant) implements Action {}

    record PlanChange(FeePlanChange change) implements Action {}

    record Capture(String paymentId, long amount) implements Action {}

    record Refund(String paymentId, long amount) implements Action {}

    record Chargeback(String paymentId, long amount) implements Action {}

    /** An order authorized and then dropped by the customer: never captured. */
    record AbandonedAuthorization(int merchant, long amount) implements Action {}

    /**
     * A micropayment in progress: the wallet is opened, topped up if short (after a refused try
     * when {@code triedWithoutFunds} is not yet set), then paid.
     */
    record Micropurchase(int wallet, int merchant, long amount, boolean triedWithoutFunds) implements Action {}

    record Redemption(int wallet) implements Action {}

    /** The same request sent again with the same Idempotency-Key. */
    record Retry(EventEnvelope original) implements Action {}

    /** A malformed request; its eventId is given when it is sent. */
    record Flawed(Object payload, Defect defect) implements Action {}
}
