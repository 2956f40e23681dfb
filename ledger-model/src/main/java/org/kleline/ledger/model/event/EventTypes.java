package org.kleline.ledger.model.event;

import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;

/** The {@link EventType} of a payload: the name outcomes and journal entries carry. */
public final class EventTypes {

    private EventTypes() {}

    public static EventType of(EventEnvelope event) {
        return of(event.getPayload());
    }

    /**
     * @throws IllegalArgumentException when {@code payload} is not one of the 11 payload records
     */
    public static EventType of(Object payload) {
        if (payload instanceof WalletToppedUp) {
            return EventType.WalletToppedUp;
        }
        if (payload instanceof MicropaymentRequested) {
            return EventType.MicropaymentRequested;
        }
        if (payload instanceof CardPaymentCaptured) {
            return EventType.CardPaymentCaptured;
        }
        if (payload instanceof CardPaymentAuthorized) {
            return EventType.CardPaymentAuthorized;
        }
        if (payload instanceof WalletRedeemed) {
            return EventType.WalletRedeemed;
        }
        if (payload instanceof WalletOpened) {
            return EventType.WalletOpened;
        }
        if (payload instanceof CardPaymentRefunded) {
            return EventType.CardPaymentRefunded;
        }
        if (payload instanceof CardPaymentChargedBack) {
            return EventType.CardPaymentChargedBack;
        }
        if (payload instanceof MerchantPaidOut) {
            return EventType.MerchantPaidOut;
        }
        if (payload instanceof MerchantOnboarded) {
            return EventType.MerchantOnboarded;
        }
        if (payload instanceof MerchantFeePlanChanged) {
            return EventType.MerchantFeePlanChanged;
        }
        throw new IllegalArgumentException("not an event payload: "
                + (payload == null ? "null" : payload.getClass().getName()));
    }
}
