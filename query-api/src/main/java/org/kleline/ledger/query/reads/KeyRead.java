package org.kleline.ledger.query.reads;

import java.util.Set;

/**
 * A read of one key: answered by the one instance whose active task holds the key's partition
 * ({@code KafkaStreams.queryMetadataForKey}). The answer is null when the key is absent.
 */
public sealed interface KeyRead<R> extends ViewRead<R>
        permits KeyedOutcomeRead, WalletRead, CardPaymentRead, MerchantRead {

    /** The key in {@link #store()}, serialized as a string like the projector's. */
    String key();

    /** The one partition of a key read. */
    static int onlyPartition(Set<Integer> partitions) {
        if (partitions.size() != 1) {
            throw new IllegalArgumentException(
                    "a key read is answered from exactly one partition, was given " + partitions);
        }
        return partitions.iterator().next();
    }
}
