package org.kleline.ledger.query.reads;

import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.local.LocalStores;

/** A merchant with its fee plan history, from the decide stage's store ({@code merchant:{merchantId}}). */
@AnsweredFrom(StoreNames.MERCHANTS)
public record MerchantRead(String merchantId) implements KeyRead<MerchantAnswer> {

    public MerchantRead {
        Objects.requireNonNull(merchantId, "merchantId");
    }

    @Override
    public String key() {
        return AggregateKey.merchant(merchantId).value();
    }

    @Override
    public MerchantAnswer readLocally(LocalStores stores, Set<Integer> partitions) {
        MerchantRecord merchant = stores.get(store(), KeyRead.onlyPartition(partitions), key());
        return merchant == null ? null : MerchantAnswer.of(merchant);
    }
}
