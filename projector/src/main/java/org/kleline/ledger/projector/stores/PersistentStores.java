package org.kleline.ledger.projector.stores;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * How every state store of the projector is built: a persistent RocksDB key-value store with string keys,
 * changelogged (the Streams default); whether its record cache is on is each store's own choice.
 */
public final class PersistentStores {

    private PersistentStores() {}

    public static <V> StoreBuilder<KeyValueStore<String, V>> keyedByString(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
