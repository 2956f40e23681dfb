package org.kleline.ledger.model.event;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;

/**
 * The aggregate an event belongs to: its kind and id together. Wallet {@code a} and merchant
 * {@code a} are different keys. Events of one key are decided in log order, and eventIds are
 * deduplicated per key.
 *
 * <p>{@link #value()} ({@code wallet:w-1}, {@code payment:p-1}, {@code merchant:m-1}) is both
 * the Kafka record key of {@code ledger.events} and the {@code key} field of an EventOutcome, so
 * wallet {@code a} and merchant {@code a} never share a key on the topic either.
 *
 * @param type the aggregate's kind
 * @param id   the walletId, paymentId or merchantId
 */
public record AggregateKey(AggregateType type, String id) {

    private static final Map<Class<?>, Function<Object, AggregateKey>> KEYS = Map.ofEntries(
            keyOf(WalletOpened.class, p -> wallet(p.getWalletId())),
            keyOf(WalletToppedUp.class, p -> wallet(p.getWalletId())),
            keyOf(WalletRedeemed.class, p -> wallet(p.getWalletId())),
            keyOf(MicropaymentRequested.class, p -> wallet(p.getWalletId())),
            keyOf(CardPaymentAuthorized.class, p -> payment(p.getPaymentId())),
            keyOf(CardPaymentCaptured.class, p -> payment(p.getPaymentId())),
            keyOf(CardPaymentRefunded.class, p -> payment(p.getPaymentId())),
            keyOf(CardPaymentChargedBack.class, p -> payment(p.getPaymentId())),
            keyOf(MerchantOnboarded.class, p -> merchant(p.getMerchantId())),
            keyOf(MerchantFeePlanChanged.class, p -> merchant(p.getMerchantId())),
            keyOf(MerchantPaidOut.class, p -> merchant(p.getMerchantId())));

    public AggregateKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static AggregateKey wallet(String walletId) {
        return new AggregateKey(AggregateType.WALLET, walletId);
    }

    public static AggregateKey payment(String paymentId) {
        return new AggregateKey(AggregateType.PAYMENT, paymentId);
    }

    public static AggregateKey merchant(String merchantId) {
        return new AggregateKey(AggregateType.MERCHANT, merchantId);
    }

    /** The key of an event, from its payload. */
    public static AggregateKey of(EventEnvelope event) {
        return of(event.getPayload());
    }

    /**
     * The key of a payload.
     *
     * @throws IllegalArgumentException when {@code payload} is not one of the 11 payload records
     */
    public static AggregateKey of(Object payload) {
        Function<Object, AggregateKey> key = payload == null ? null : KEYS.get(payload.getClass());
        if (key == null) {
            throw EventTypes.notAPayload(payload);
        }
        return key.apply(payload);
    }

    private static <P> Map.Entry<Class<?>, Function<Object, AggregateKey>> keyOf(
            Class<P> payloadClass, Function<P, AggregateKey> key) {
        return Map.entry(payloadClass, payload -> key.apply(payloadClass.cast(payload)));
    }

    /** The key as a string, e.g. {@code wallet:w-1}. */
    public String value() {
        return type.prefix() + ":" + id;
    }

    @Override
    public String toString() {
        return value();
    }
}
