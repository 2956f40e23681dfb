package org.kleline.ledger.query.reads;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.local.LocalStores;

/** Every merchant an instance's partitions of the merchants store hold (to name merchants and their partners). */
@AnsweredFrom(StoreNames.MERCHANTS)
public record MerchantsRead() implements PartitionRead<List<MerchantAnswer>> {

    @Override
    public List<MerchantAnswer> readLocally(LocalStores stores, Set<Integer> partitions) {
        List<MerchantAnswer> merchants = new ArrayList<>();
        for (int partition : partitions) {
            stores.<MerchantRecord>all(
                    store(), partition, (key, merchant) -> merchants.add(MerchantAnswer.of(merchant)));
        }
        return merchants;
    }
}
