package org.kleline.ledger.projector.decide;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.projector.merchants.MerchantDirectory;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StateRecords;

/**
 * The merchant directory read from the decide task's own merchants store (see
 * {@link MerchantDirectorySource#localStore()}): the merchant as every earlier event of the one
 * partition left it, which is what the cross-key rule gives on a log of one partition.
 */
final class LocalStoreMerchantDirectory implements MerchantDirectory {

    private final ReadOnlyKeyValueStore<String, MerchantRecord> merchants;

    LocalStoreMerchantDirectory(ReadOnlyKeyValueStore<String, MerchantRecord> merchants) {
        this.merchants = merchants;
    }

    @Override
    public Optional<MerchantTerms> termsAt(String merchantId, Instant at, LogPosition event) {
        MerchantRecord record = merchants.get(AggregateKey.merchant(merchantId).value());
        return Optional.ofNullable(record).map(r -> StateRecords.merchant(r).termsAt(at));
    }
}
