package org.kleline.ledger.projector.views;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.serde.BinaryReader;
import org.kleline.ledger.projector.serde.BinaryWriter;
import org.kleline.ledger.projector.serde.CompactSerde;
import org.kleline.ledger.projector.stores.PersistentStores;

/**
 * The balance view stores: persistent RocksDB with changelogs. The record cache is on
 * where a few keys take most writes (balances of platform accounts, the trial balance), so they
 * reach RocksDB and the changelog once per commit rather than once per posting.
 */
public final class ViewStores {

    /** credits, debits, entries. */
    public static final CompactSerde<BalanceTotals> BALANCE_TOTALS = new CompactSerde<>("BalanceTotals", 24) {
        @Override
        protected void write(BalanceTotals v, BinaryWriter out) {
            out.writeLong(v.getCredits());
            out.writeLong(v.getDebits());
            out.writeLong(v.getEntries());
        }

        @Override
        protected BalanceTotals read(BinaryReader in) {
            return new BalanceTotals(in.readLong("credits"), in.readLong("debits"), in.readLong("entries"));
        }
    };
    /** eventId, eventType, occurredAt, amount. */
    public static final CompactSerde<AccountEntry> ACCOUNT_ENTRY = new CompactSerde<>("AccountEntry", 64) {
        @Override
        protected void write(AccountEntry v, BinaryWriter out) {
            out.writeString("eventId", v.getEventId());
            out.writeString("eventType", v.getEventType());
            out.writeLong(v.getOccurredAt());
            out.writeLong(v.getAmount());
        }

        @Override
        protected AccountEntry read(BinaryReader in) {
            return new AccountEntry(
                    in.readString("eventId"),
                    in.readString("eventType"),
                    in.readLong("occurredAt"),
                    in.readLong("amount"));
        }
    };

    private ViewStores() {}

    public static StoreBuilder<KeyValueStore<String, BalanceTotals>> balances() {
        return totals(StoreNames.BALANCES).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, BalanceTotals>> balanceHours() {
        return totals(StoreNames.BALANCE_HOURS).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, BalanceTotals>> trialBalance() {
        return totals(StoreNames.TRIAL_BALANCE).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, AccountEntry>> accountEntries() {
        // Not cached: a line's key is written once (twice at most), so the cache saves no write, and
        // its entries would fill the thread's cache, which then evicts (writes through) the dirty
        // hot keys of the cached stores at every put instead of once per commit.
        return PersistentStores.keyedByString(StoreNames.ACCOUNT_ENTRIES, ACCOUNT_ENTRY);
    }

    public static StoreBuilder<KeyValueStore<String, Long>> historyHorizon() {
        return PersistentStores.keyedByString(StoreNames.HISTORY_HORIZON, Serdes.Long());
    }

    private static StoreBuilder<KeyValueStore<String, BalanceTotals>> totals(String name) {
        return PersistentStores.keyedByString(name, BALANCE_TOTALS);
    }
}
