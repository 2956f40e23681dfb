package org.kleline.ledger.model.event;

import java.util.Objects;
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
        if (payload instanceof WalletToppedUp p) {
            return wallet(p.getWalletId());
        }
        if (payload instanceof MicropaymentRequested p) {
            return wallet(p.getWalletId());
        }
        if (payload instanceof CardPaymentCaptured p) {
            return payment(p.getPaymentId());
        }
        if (payload instanceof CardPaymentAuthorized p) {
            return payment(p.getPaymentId());
        }
        if (payload instanceof WalletRedeemed p) {
            return wallet(p.getWalletId());
        }
        if (payload instanceof WalletOpened p) {
            return wallet(p.getWalletId());
        }
        if (payload instanceof CardPaymentRefunded p) {
            return payment(p.getPaymentId());
        }
        if (payload instanceof CardPaymentChargedBack p) {
            return payment(p.getPaymentId());
        }
        if (payload instanceof MerchantPaidOut p) {
            return merchant(p.getMerchantId());
        }
        if (payload instanceof MerchantOnboarded p) {
            return merchant(p.getMerchantId());
        }
        if (payload instanceof MerchantFeePlanChanged p) {
            return merchant(p.getMerchantId());
        }
        throw new IllegalArgumentException("not an event payload: "
                + (payload == null ? "null" : payload.getClass().getName()));
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
