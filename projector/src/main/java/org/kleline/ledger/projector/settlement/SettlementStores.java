package org.kleline.ledger.projector.settlement;

import java.time.LocalDate;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.serde.BinaryReader;
import org.kleline.ledger.projector.serde.BinaryWriter;
import org.kleline.ledger.projector.serde.CompactFields;
import org.kleline.ledger.projector.serde.CompactSerde;
import org.kleline.ledger.projector.serde.InternalSerdes;
import org.kleline.ledger.projector.stores.PersistentStores;
import org.kleline.ledger.settlement.SettlementRow;

/** The settlement stores: rows by merchant and by date, persistent, changelogged, record cache on. */
public final class SettlementStores {

    public static final CompactSerde<SettlementRow> ROW = InternalSerdes.SETTLEMENT_ROW;
    /**
     * merchantId, businessDate, currency, count, gross, refunds, chargebacks, fees, commission,
     * paidOut, payouts, eventId.
     */
    public static final CompactSerde<SettlementDelta> SETTLEMENT_DELTA = new CompactSerde<>("SettlementDelta", 96) {
        @Override
        protected void write(SettlementDelta v, BinaryWriter out) {
            out.writeString("merchantId", v.getMerchantId());
            out.writeLong(CompactFields.epochDay("businessDate", v.getBusinessDate()));
            out.writeString("currency", v.getCurrency());
            out.writeLong(v.getCount());
            out.writeLong(v.getGross());
            out.writeLong(v.getRefunds());
            out.writeLong(v.getChargebacks());
            out.writeLong(v.getFees());
            out.writeLong(v.getCommission());
            out.writeLong(v.getPaidOut());
            out.writeInt(v.getPayouts());
            out.writeString("eventId", v.getEventId());
        }

        @Override
        protected SettlementDelta read(BinaryReader in) {
            return new SettlementDelta(
                    in.readString("merchantId"),
                    LocalDate.ofEpochDay(in.readLong("businessDate")),
                    in.readString("currency"),
                    in.readLong("count"),
                    in.readLong("gross"),
                    in.readLong("refunds"),
                    in.readLong("chargebacks"),
                    in.readLong("fees"),
                    in.readLong("commission"),
                    in.readLong("paidOut"),
                    in.readInt("payouts"),
                    in.readString("eventId"));
        }
    };

    private SettlementStores() {}

    public static StoreBuilder<KeyValueStore<String, SettlementRow>> rows() {
        return PersistentStores.keyedByString(StoreNames.SETTLEMENT_ROWS, ROW).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, SettlementRow>> rowsByDate() {
        return PersistentStores.keyedByString(StoreNames.SETTLEMENT_ROWS_BY_DATE, ROW)
                .withCachingEnabled();
    }
}
