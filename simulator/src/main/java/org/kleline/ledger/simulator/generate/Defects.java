package org.kleline.ledger.simulator.generate;

import java.util.ArrayList;
import java.util.List;
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

    private Defects() {}

    /** The defects that {@code payload} can carry. */
    static List<Defect> applicable(Object payload) {
        List<Defect> defects =
                new ArrayList<>(List.of(Defect.ZERO_AMOUNT, Defect.UNKNOWN_FIELD, Defect.INVALID_EVENT_ID));
        if (payload instanceof CardPaymentAuthorized || payload instanceof WalletOpened) {
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
            return withZeroAmount(payload);
        }
        if (defect == Defect.UNKNOWN_CURRENCY) {
            if (payload instanceof CardPaymentAuthorized p) {
                return CardPaymentAuthorized.newBuilder(p)
                        .setCurrency(BAD_CURRENCY)
                        .build();
            }
            if (payload instanceof WalletOpened p) {
                return WalletOpened.newBuilder(p).setCurrency(BAD_CURRENCY).build();
            }
            throw new IllegalArgumentException(
                    "no currency to break in " + payload.getClass().getSimpleName());
        }
        return payload;
    }

    private static Object withZeroAmount(Object payload) {
        if (payload instanceof WalletOpened p) {
            return WalletOpened.newBuilder(p).setMaxBalance(0).build();
        }
        if (payload instanceof WalletToppedUp p) {
            return WalletToppedUp.newBuilder(p).setAmount(0).build();
        }
        if (payload instanceof WalletRedeemed p) {
            return WalletRedeemed.newBuilder(p).setAmount(0).build();
        }
        if (payload instanceof MicropaymentRequested p) {
            return MicropaymentRequested.newBuilder(p).setAmount(0).build();
        }
        if (payload instanceof CardPaymentAuthorized p) {
            return CardPaymentAuthorized.newBuilder(p).setAmount(0).build();
        }
        if (payload instanceof CardPaymentCaptured p) {
            return CardPaymentCaptured.newBuilder(p).setAmount(0).build();
        }
        if (payload instanceof CardPaymentRefunded p) {
            return CardPaymentRefunded.newBuilder(p).setAmount(0).build();
        }
        if (payload instanceof CardPaymentChargedBack p) {
            return CardPaymentChargedBack.newBuilder(p).setAmount(0).build();
        }
        throw new IllegalArgumentException(
                "not a customer request: " + payload.getClass().getSimpleName());
    }
}
