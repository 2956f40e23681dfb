package org.kleline.ledger.projector.decide;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.kleline.ledger.projector.serde.InternalAvroSerde;
import org.kleline.ledger.projector.topology.StoreNames;

/** The decide stage's stores: persistent RocksDB, changelogged, record cache on. */
public final class DecideStores {

    public static final InternalAvroSerde<WalletRecord> WALLET = InternalAvroSerde.of(WalletRecord.class);
    public static final InternalAvroSerde<CardPaymentRecord> CARD_PAYMENT = InternalAvroSerde.of(CardPaymentRecord.class);
    public static final InternalAvroSerde<MerchantRecord> MERCHANT = InternalAvroSerde.of(MerchantRecord.class);
    /** What a seen-event-ids or payout-ids entry holds: only its key matters. */
    public static final byte[] PRESENT = {1};

    private DecideStores() {
    }

    public static StoreBuilder<KeyValueStore<String, WalletRecord>> wallets() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.WALLETS), Serdes.String(), WALLET)
                .withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, CardPaymentRecord>> cardPayments() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CARD_PAYMENTS), Serdes.String(),
                CARD_PAYMENT).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, MerchantRecord>> merchants() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MERCHANTS), Serdes.String(),
                MERCHANT).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> seenEventIds() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SEEN_EVENT_IDS), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> payoutIds() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PAYOUT_IDS), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled();
    }
}
