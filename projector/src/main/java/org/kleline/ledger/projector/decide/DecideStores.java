package org.kleline.ledger.projector.decide;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.read.CardPaymentRecord;
import org.kleline.ledger.projector.read.FeePlanVersionRecord;
import org.kleline.ledger.projector.read.FirstOutcomes;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.WalletRecord;
import org.kleline.ledger.projector.serde.BinaryReader;
import org.kleline.ledger.projector.serde.BinaryWriter;
import org.kleline.ledger.projector.serde.CompactFields;
import org.kleline.ledger.projector.serde.CompactSerde;
import org.kleline.ledger.projector.serde.InternalSerdes;
import org.kleline.ledger.projector.stores.PersistentStores;

/**
 * The decide stage's stores: persistent RocksDB, changelogged. The record cache is on for the
 * merchants' states only, a few keys read by every payment; it is off for wallets and card
 * payments, whose key is read and rewritten by its own few events, far apart in the log (a
 * wallet's 2 to 3 events in a run), and for outcomes and payout-ids, whose keys are written once
 * and never rewritten: there it saves no write, its look-ups in a sorted map of byte keys cost
 * more than RocksDB's, and its entries would fill the thread's cache, which then evicts (writes
 * through) the dirty hot keys of the other stores at every put instead of once per commit.
 */
public final class DecideStores {

    /** walletId, currency, balance, maxBalance. */
    public static final CompactSerde<WalletRecord> WALLET = new CompactSerde<>("WalletRecord", 48) {
        @Override
        protected void write(WalletRecord v, BinaryWriter out) {
            out.writeString("walletId", v.getWalletId());
            out.writeString("currency", v.getCurrency());
            out.writeLong(v.getBalance());
            out.writeLong(v.getMaxBalance());
        }

        @Override
        protected WalletRecord read(BinaryReader in) {
            return new WalletRecord(
                    in.readString("walletId"),
                    in.readString("currency"),
                    in.readLong("balance"),
                    in.readLong("maxBalance"));
        }
    };
    /** paymentId, merchantId, currency, authorized, captured, refunded, chargedBack, status. */
    public static final CompactSerde<CardPaymentRecord> CARD_PAYMENT = new CompactSerde<>("CardPaymentRecord", 96) {
        @Override
        protected void write(CardPaymentRecord v, BinaryWriter out) {
            out.writeString("paymentId", v.getPaymentId());
            out.writeString("merchantId", v.getMerchantId());
            out.writeString("currency", v.getCurrency());
            out.writeLong(v.getAuthorized());
            out.writeLong(v.getCaptured());
            out.writeLong(v.getRefunded());
            out.writeLong(v.getChargedBack());
            out.writeString("status", v.getStatus());
        }

        @Override
        protected CardPaymentRecord read(BinaryReader in) {
            return new CardPaymentRecord(
                    in.readString("paymentId"),
                    in.readString("merchantId"),
                    in.readString("currency"),
                    in.readLong("authorized"),
                    in.readLong("captured"),
                    in.readLong("refunded"),
                    in.readLong("chargedBack"),
                    in.readString("status"));
        }
    };
    /**
     * merchantId, name, optional partnerId, currency, onboardedAt, then the fee plans: count, and for
     * each effectiveFrom, cardBps, cardFixed, microBps, microFixed, chargebackFee, partnerShareBps.
     */
    public static final CompactSerde<MerchantRecord> MERCHANT = new CompactSerde<>("MerchantRecord", 128) {
        @Override
        protected void write(MerchantRecord v, BinaryWriter out) {
            out.writeString("merchantId", v.getMerchantId());
            out.writeString("name", v.getName());
            out.writeOptionalString("partnerId", v.getPartnerId());
            out.writeString("currency", v.getCurrency());
            out.writeLong(v.getOnboardedAt());
            List<FeePlanVersionRecord> plans = v.getFeePlans();
            out.writeInt(plans.size());
            for (FeePlanVersionRecord p : plans) {
                out.writeLong(p.getEffectiveFrom());
                out.writeInt(p.getCardBps());
                out.writeLong(p.getCardFixed());
                out.writeInt(p.getMicroBps());
                out.writeLong(p.getMicroFixed());
                out.writeLong(p.getChargebackFee());
                out.writeInt(p.getPartnerShareBps());
            }
        }

        @Override
        protected MerchantRecord read(BinaryReader in) {
            String merchantId = in.readString("merchantId");
            String name = in.readString("name");
            String partnerId = in.readOptionalString("partnerId");
            String currency = in.readString("currency");
            long onboardedAt = in.readLong("onboardedAt");
            int count = CompactFields.count(in, "feePlans");
            List<FeePlanVersionRecord> plans = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                plans.add(new FeePlanVersionRecord(
                        in.readLong("effectiveFrom"),
                        in.readInt("cardBps"),
                        in.readLong("cardFixed"),
                        in.readInt("microBps"),
                        in.readLong("microFixed"),
                        in.readLong("chargebackFee"),
                        in.readInt("partnerShareBps")));
            }
            return new MerchantRecord(merchantId, name, partnerId, currency, onboardedAt, plans);
        }
    };

    public static final CompactSerde<EventOutcome> EVENT_OUTCOME = InternalSerdes.EVENT_OUTCOME;
    /** What a payout-ids entry holds: only its key matters. */
    public static final byte[] PRESENT = {1};

    private DecideStores() {}

    public static StoreBuilder<KeyValueStore<String, WalletRecord>> wallets() {
        return PersistentStores.keyedByString(StoreNames.WALLETS, WALLET);
    }

    public static StoreBuilder<KeyValueStore<String, CardPaymentRecord>> cardPayments() {
        return PersistentStores.keyedByString(StoreNames.CARD_PAYMENTS, CARD_PAYMENT);
    }

    public static StoreBuilder<KeyValueStore<String, MerchantRecord>> merchants() {
        return PersistentStores.keyedByString(StoreNames.MERCHANTS, MERCHANT).withCachingEnabled();
    }

    /** eventId to its first outcome ({@link FirstOutcomes}): the duplicate check and the outcome view. */
    public static StoreBuilder<KeyValueStore<String, EventOutcome>> outcomes() {
        return PersistentStores.keyedByString(StoreNames.OUTCOMES, EVENT_OUTCOME);
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> payoutIds() {
        return PersistentStores.keyedByString(StoreNames.PAYOUT_IDS, Serdes.ByteArray());
    }
}
