package org.kleline.ledger.projector.settlement;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.kleline.ledger.projector.serde.CompactSerde;
import org.kleline.ledger.projector.serde.InternalSerdes;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.settlement.SettlementRow;

/** The settlement stores: rows by merchant and by date, persistent, changelogged, record cache on. */
public final class SettlementStores {

    public static final CompactSerde<SettlementRow> ROW = InternalSerdes.SETTLEMENT_ROW;

    private SettlementStores() {
    }

    public static StoreBuilder<KeyValueStore<String, SettlementRow>> rows() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SETTLEMENT_ROWS), Serdes.String(), ROW)
                .withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, SettlementRow>> rowsByDate() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SETTLEMENT_ROWS_BY_DATE),
                Serdes.String(), ROW).withCachingEnabled();
    }
}
