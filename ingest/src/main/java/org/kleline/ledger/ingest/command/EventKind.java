package org.kleline.ledger.ingest.command;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.web.problem.InvalidRequestException;

/** Which JSON shape carries each payload: the link between an event type's name and its body record. */
public enum EventKind {
    MERCHANT_ONBOARDED(EventType.MerchantOnboarded, MerchantOnboardedBody.class),
    MERCHANT_FEE_PLAN_CHANGED(EventType.MerchantFeePlanChanged, MerchantFeePlanChangedBody.class),
    WALLET_OPENED(EventType.WalletOpened, WalletOpenedBody.class),
    WALLET_TOPPED_UP(EventType.WalletToppedUp, WalletToppedUpBody.class),
    WALLET_REDEEMED(EventType.WalletRedeemed, WalletRedeemedBody.class),
    MICROPAYMENT_REQUESTED(EventType.MicropaymentRequested, MicropaymentRequestedBody.class),
    CARD_PAYMENT_AUTHORIZED(EventType.CardPaymentAuthorized, CardPaymentAuthorizedBody.class),
    CARD_PAYMENT_CAPTURED(EventType.CardPaymentCaptured, CardPaymentCapturedBody.class),
    CARD_PAYMENT_REFUNDED(EventType.CardPaymentRefunded, CardPaymentRefundedBody.class),
    CARD_PAYMENT_CHARGED_BACK(EventType.CardPaymentChargedBack, CardPaymentChargedBackBody.class),
    MERCHANT_PAID_OUT(EventType.MerchantPaidOut, MerchantPaidOutBody.class);

    private static final Map<String, EventKind> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(k -> k.type.name(), Function.identity()));

    private final EventType type;
    private final Class<? extends PayloadBody> bodyClass;

    EventKind(EventType type, Class<? extends PayloadBody> bodyClass) {
        this.type = type;
        this.bodyClass = bodyClass;
    }

    public EventType type() {
        return type;
    }

    public Class<? extends PayloadBody> bodyClass() {
        return bodyClass;
    }

    /** The kind named by a payload name ({@code "WalletToppedUp"}); anything else is a 400 on {@code field}. */
    public static EventKind named(String name, String field) {
        EventKind kind = name == null ? null : BY_NAME.get(name);
        if (kind == null) {
            throw new InvalidRequestException(
                    field,
                    field + " '" + name + "' is not an event type; one of "
                            + Arrays.stream(values()).map(k -> k.type.name()).collect(Collectors.joining(", ")));
        }
        return kind;
    }
}
