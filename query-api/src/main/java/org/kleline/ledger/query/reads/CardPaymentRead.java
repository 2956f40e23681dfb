package org.kleline.ledger.query.reads;

import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.projector.read.CardPaymentRecord;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.CardPaymentBody;
import org.kleline.ledger.query.local.LocalStores;

/** A card payment, from the decide stage's store ({@code payment:{paymentId}}). */
@AnsweredFrom(StoreNames.CARD_PAYMENTS)
public record CardPaymentRead(String paymentId) implements KeyRead<CardPaymentBody> {

    public CardPaymentRead {
        Objects.requireNonNull(paymentId, "paymentId");
    }

    @Override
    public String key() {
        return AggregateKey.payment(paymentId).value();
    }

    @Override
    public CardPaymentBody readLocally(LocalStores stores, Set<Integer> partitions) {
        CardPaymentRecord payment = stores.get(store(), KeyRead.onlyPartition(partitions), key());
        return payment == null ? null : CardPaymentBody.of(payment);
    }
}
