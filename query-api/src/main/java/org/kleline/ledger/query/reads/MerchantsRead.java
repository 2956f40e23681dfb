package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.local.LocalStores;

/** Every merchant an instance's partitions of the merchants store hold (to name merchants and their partners). */
public record MerchantsRead() implements PartitionRead<List<MerchantAnswer>> {

    @Override
    public String store() {
        return StoreNames.MERCHANTS;
    }

    @Override
    public JavaType resultType(TypeFactory types) {
        return types.constructCollectionType(List.class, MerchantAnswer.class);
    }

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
