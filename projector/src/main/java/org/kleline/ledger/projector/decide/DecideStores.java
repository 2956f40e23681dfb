package org.kleline.ledger.projector.decide;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.serde.CompactSerde;
import org.kleline.ledger.projector.serde.InternalSerdes;
import org.kleline.ledger.projector.topology.StoreNames;

/**
 * The decide stage's stores: persistent RocksDB, changelogged. The record cache is on for the
 * aggregates' states (read and rewritten); it is off for outcomes and payout-ids, whose keys
 * are written once and never rewritten: there it saves nothing, and its entries would fill the
 * thread's cache, which then evicts (writes through) the dirty hot keys of the other stores at
 * every put instead of once per commit.
 */
public final class DecideStores {

    public static final CompactSerde<WalletRecord> WALLET = InternalSerdes.WALLET;
    public static final CompactSerde<CardPaymentRecord> CARD_PAYMENT = InternalSerdes.CARD_PAYMENT;
    public static final CompactSerde<MerchantRecord> MERCHANT = InternalSerdes.MERCHANT;
    public static final CompactSerde<EventOutcome> EVENT_OUTCOME = InternalSerdes.EVENT_OUTCOME;
    /** What a payout-ids entry holds: only its key matters. */
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

    /** eventId to its first outcome ({@link FirstOutcomes}): the duplicate check and the outcome view. */
    public static StoreBuilder<KeyValueStore<String, EventOutcome>> outcomes() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.OUTCOMES), Serdes.String(),
                EVENT_OUTCOME);
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> payoutIds() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PAYOUT_IDS), Serdes.String(),
                Serdes.ByteArray());
    }
}
