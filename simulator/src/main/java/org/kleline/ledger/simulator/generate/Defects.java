package org.kleline.ledger.simulator.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.simulator.business.Chance;

/** Breaks a good customer request the way buggy shop back-ends did. */
final class Defects {

    /** Not ISO 4217: a developer spelling the currency out. */
    static final String BAD_CURRENCY = "EURO";
    /** '#' is not an id character: an order number pasted into the Idempotency-Key. */
    static final String BAD_EVENT_ID_SUFFIX = "#2";

    /** The field in which each customer request carries its amount (a wallet's opening: its maximum balance). */
    private static final Map<Class<?>, String> AMOUNT_FIELDS = Map.of(
            WalletOpened.class, "maxBalance",
            WalletToppedUp.class, "amount",
            WalletRedeemed.class, "amount",
            MicropaymentRequested.class, "amount",
            CardPaymentAuthorized.class, "amount",
            CardPaymentCaptured.class, "amount",
            CardPaymentRefunded.class, "amount",
            CardPaymentChargedBack.class, "amount");

    /** The customer requests that name a currency, in their field {@code currency}. */
    private static final Set<Class<?>> WITH_CURRENCY = Set.of(CardPaymentAuthorized.class, WalletOpened.class);

    private Defects() {}

    /** The defects that {@code payload} can carry. */
    static List<Defect> applicable(Object payload) {
        List<Defect> defects =
                new ArrayList<>(List.of(Defect.ZERO_AMOUNT, Defect.UNKNOWN_FIELD, Defect.INVALID_EVENT_ID));
        if (WITH_CURRENCY.contains(payload.getClass())) {
            defects.add(Defect.UNKNOWN_CURRENCY);
        }
        return defects;
    }

    static Defect draw(Object payload, Chance chance) {
        List<Defect> defects = applicable(payload);
        return defects.get(chance.random().nextInt(defects.size()));
    }

    /** A copy of {@code payload} carrying {@code defect}'s bad value (the same payload for the others). */
    static Object broken(Object payload, Defect defect) {
        if (defect == Defect.ZERO_AMOUNT) {
            String amountField = AMOUNT_FIELDS.get(payload.getClass());
            if (amountField == null) {
                throw new IllegalArgumentException(
                        "not a customer request: " + payload.getClass().getSimpleName());
            }
            return copyWith(payload, amountField, 0L);
        }
        if (defect == Defect.UNKNOWN_CURRENCY) {
            if (!WITH_CURRENCY.contains(payload.getClass())) {
                throw new IllegalArgumentException(
                        "no currency to break in " + payload.getClass().getSimpleName());
            }
            return copyWith(payload, "currency", BAD_CURRENCY);
        }
        return payload;
    }

    /**
     * A copy of the request with one field, named as in its schema, set to {@code value}; the other fields are shared
     * (a customer request's are strings and numbers).
     */
    private static Object copyWith(Object payload, String field, Object value) {
        SpecificRecord request = (SpecificRecord) payload;
        Schema schema = request.getSchema();
        SpecificRecord copy = (SpecificRecord) SpecificData.newInstance(request.getClass(), schema);
        for (Schema.Field each : schema.getFields()) {
            copy.put(each.pos(), request.get(each.pos()));
        }
        copy.put(schema.getField(field).pos(), value);
        return copy;
    }
}
