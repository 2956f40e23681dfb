package org.kleline.ledger.model.event;

import java.util.Map;
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

    private static final Map<Class<?>, EventType> TYPES = Map.ofEntries(
            Map.entry(WalletOpened.class, EventType.WalletOpened),
            Map.entry(WalletToppedUp.class, EventType.WalletToppedUp),
            Map.entry(WalletRedeemed.class, EventType.WalletRedeemed),
            Map.entry(MicropaymentRequested.class, EventType.MicropaymentRequested),
            Map.entry(CardPaymentAuthorized.class, EventType.CardPaymentAuthorized),
            Map.entry(CardPaymentCaptured.class, EventType.CardPaymentCaptured),
            Map.entry(CardPaymentRefunded.class, EventType.CardPaymentRefunded),
            Map.entry(CardPaymentChargedBack.class, EventType.CardPaymentChargedBack),
            Map.entry(MerchantOnboarded.class, EventType.MerchantOnboarded),
            Map.entry(MerchantFeePlanChanged.class, EventType.MerchantFeePlanChanged),
            Map.entry(MerchantPaidOut.class, EventType.MerchantPaidOut));

    private EventTypes() {}

    public static EventType of(EventEnvelope event) {
        return of(event.getPayload());
    }

    /**
     * @throws IllegalArgumentException when {@code payload} is not one of the 11 payload records
     */
    public static EventType of(Object payload) {
        EventType type = payload == null ? null : TYPES.get(payload.getClass());
        if (type == null) {
            throw notAPayload(payload);
        }
        return type;
    }

    /** The error of a method given an object that is not one of the 11 payload records. */
    static IllegalArgumentException notAPayload(Object payload) {
        return new IllegalArgumentException("not an event payload: "
                + (payload == null ? "null" : payload.getClass().getName()));
    }
}
