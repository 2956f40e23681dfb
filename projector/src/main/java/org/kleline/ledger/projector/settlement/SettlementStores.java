package org.kleline.ledger.projector.settlement;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.serde.CompactSerde;
import org.kleline.ledger.projector.serde.FlatRecordSerde;
import org.kleline.ledger.projector.serde.InternalSerdes;
import org.kleline.ledger.projector.stores.PersistentStores;
import org.kleline.ledger.settlement.SettlementRow;

/** The settlement stores: rows by merchant and by date, persistent, changelogged, record cache on. */
public final class SettlementStores {

    public static final CompactSerde<SettlementRow> ROW = InternalSerdes.SETTLEMENT_ROW;
    /**
     * merchantId, businessDate, currency, count, gross, refunds, chargebacks, fees, commission,
     * paidOut, payouts, eventId: the schema's fields in its order ({@link FlatRecordSerde}).
     */
    public static final CompactSerde<SettlementDelta> SETTLEMENT_DELTA =
            new FlatRecordSerde<>(SettlementDelta::new, 96);

    private SettlementStores() {}

    public static StoreBuilder<KeyValueStore<String, SettlementRow>> rows() {
        return PersistentStores.keyedByString(StoreNames.SETTLEMENT_ROWS, ROW).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, SettlementRow>> rowsByDate() {
        return PersistentStores.keyedByString(StoreNames.SETTLEMENT_ROWS_BY_DATE, ROW)
                .withCachingEnabled();
    }
}
