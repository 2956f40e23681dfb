package org.kleline.ledger.projector.serde;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.projector.decide.CardPaymentRecord;
import org.kleline.ledger.projector.decide.FeePlanVersionRecord;
import org.kleline.ledger.projector.decide.MerchantRecord;
import org.kleline.ledger.projector.decide.WalletRecord;
import org.kleline.ledger.projector.settlement.SettlementDelta;
import org.kleline.ledger.projector.views.AccountEntry;
import org.kleline.ledger.projector.views.BalanceTotals;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * The serde of every value the projector keeps for itself, in {@link CompactSerde}'s format: after
 * the version byte, the fields below in this order. {@code long}/{@code int}: zig-zag varint;
 * string: varint UTF-8 length, bytes; optional string: 0, or 1 and the string; enum: varint ordinal;
 * date: varint epoch day; instant: varint epoch millis; list: varint count, items.
 */
public final class InternalSerdes {

    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();
    private static final SettlementStatus[] STATUSES = SettlementStatus.values();

    private InternalSerdes() {
    }

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
            return new WalletRecord(in.readString("walletId"), in.readString("currency"), in.readLong("balance"),
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
            return new CardPaymentRecord(in.readString("paymentId"), in.readString("merchantId"),
                    in.readString("currency"), in.readLong("authorized"), in.readLong("captured"),
                    in.readLong("refunded"), in.readLong("chargedBack"), in.readString("status"));
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
            int count = count(in, "feePlans");
            List<FeePlanVersionRecord> plans = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                plans.add(new FeePlanVersionRecord(in.readLong("effectiveFrom"), in.readInt("cardBps"),
                        in.readLong("cardFixed"), in.readInt("microBps"), in.readLong("microFixed"),
                        in.readLong("chargebackFee"), in.readInt("partnerShareBps")));
            }
            return new MerchantRecord(merchantId, name, partnerId, currency, onboardedAt, plans);
        }
    };

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
            return new AccountEntry(in.readString("eventId"), in.readString("eventType"), in.readLong("occurredAt"),
                    in.readLong("amount"));
        }
    };

    /**
     * merchantId, businessDate, currency, count, gross, refunds, chargebacks, fees, commission,
     * paidOut, payouts, eventId.
     */
    public static final CompactSerde<SettlementDelta> SETTLEMENT_DELTA = new CompactSerde<>("SettlementDelta", 96) {
        @Override
        protected void write(SettlementDelta v, BinaryWriter out) {
            out.writeString("merchantId", v.getMerchantId());
            out.writeLong(date("businessDate", v.getBusinessDate()));
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
            return new SettlementDelta(in.readString("merchantId"), LocalDate.ofEpochDay(in.readLong("businessDate")),
                    in.readString("currency"), in.readLong("count"), in.readLong("gross"), in.readLong("refunds"),
                    in.readLong("chargebacks"), in.readLong("fees"), in.readLong("commission"), in.readLong("paidOut"),
                    in.readInt("payouts"), in.readString("eventId"));
        }
    };

    /**
     * merchantId, businessDate, currency, count, gross, refunds, chargebacks, fees, commission, net,
     * paidOut, payouts, status.
     */
    public static final CompactSerde<SettlementRow> SETTLEMENT_ROW = new CompactSerde<>("SettlementRow", 96) {
        @Override
        protected void write(SettlementRow v, BinaryWriter out) {
            out.writeString("merchantId", v.getMerchantId());
            out.writeLong(date("businessDate", v.getBusinessDate()));
            out.writeString("currency", v.getCurrency());
            out.writeLong(v.getCount());
            out.writeLong(v.getGross());
            out.writeLong(v.getRefunds());
            out.writeLong(v.getChargebacks());
            out.writeLong(v.getFees());
            out.writeLong(v.getCommission());
            out.writeLong(v.getNet());
            out.writeLong(v.getPaidOut());
            out.writeInt(v.getPayouts());
            out.writeInt(ordinal("status", v.getStatus()));
        }

        @Override
        protected SettlementRow read(BinaryReader in) {
            return new SettlementRow(in.readString("merchantId"), LocalDate.ofEpochDay(in.readLong("businessDate")),
                    in.readString("currency"), in.readLong("count"), in.readLong("gross"), in.readLong("refunds"),
                    in.readLong("chargebacks"), in.readLong("fees"), in.readLong("commission"), in.readLong("net"),
                    in.readLong("paidOut"), in.readInt("payouts"), in.readEnum("status", STATUSES));
        }
    };

    /**
     * eventId, key, eventType, occurredAt, outcome, reason (0 for none, else ordinal + 1), then the
     * postings: count, and for each account, currency, amount; then optional appendedBy and optional
     * payloadSha256 (absent from values written before they existed: read as null).
     */
    public static final CompactSerde<EventOutcome> EVENT_OUTCOME = new CompactSerde<>("EventOutcome", 160) {
        @Override
        protected void write(EventOutcome v, BinaryWriter out) {
            out.writeString("eventId", v.getEventId());
            out.writeString("key", v.getKey());
            out.writeInt(ordinal("eventType", v.getEventType()));
            out.writeLong(instant("occurredAt", v.getOccurredAt()));
            out.writeInt(ordinal("outcome", v.getOutcome()));
            out.writeInt(v.getReason() == null ? 0 : v.getReason().ordinal() + 1);
            List<Posting> postings = v.getPostings();
            out.writeInt(postings.size());
            for (Posting p : postings) {
                out.writeString("posting.account", p.getAccount());
                out.writeString("posting.currency", p.getCurrency());
                out.writeLong(p.getAmount());
            }
            out.writeOptionalString("appendedBy", v.getAppendedBy());
            out.writeOptionalString("payloadSha256", v.getPayloadSha256());
        }

        @Override
        protected EventOutcome read(BinaryReader in) {
            String eventId = in.readString("eventId");
            String key = in.readString("key");
            EventType type = in.readEnum("eventType", EVENT_TYPES);
            Instant occurredAt = Instant.ofEpochMilli(in.readLong("occurredAt"));
            Outcome outcome = in.readEnum("outcome", OUTCOMES);
            int reason = in.readInt("reason");
            if (reason < 0 || reason > REASONS.length) {
                throw new IllegalArgumentException("reason: " + reason + " out of 0.." + REASONS.length);
            }
            int count = count(in, "postings");
            List<Posting> postings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                postings.add(new Posting(in.readString("posting.account"), in.readString("posting.currency"),
                        in.readLong("posting.amount")));
            }
            String appendedBy = in.atEnd() ? null : in.readOptionalString("appendedBy");
            String payloadSha256 = in.atEnd() ? null : in.readOptionalString("payloadSha256");
            return new EventOutcome(eventId, key, type, occurredAt, outcome, reason == 0 ? null : REASONS[reason - 1],
                    postings, appendedBy, payloadSha256);
        }
    };

    /** A list's length, bounded by the bytes left so that a corrupt count cannot allocate much. */
    private static int count(BinaryReader in, String field) {
        int count = in.readInt(field);
        if (count < 0 || count > BinaryWriter.STRING_BYTES_MAX) {
            throw new IllegalArgumentException(field + ": count " + count);
        }
        return count;
    }

    private static long date(String field, LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return date.toEpochDay();
    }

    private static long instant(String field, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return at.toEpochMilli();
    }

    private static int ordinal(String field, Enum<?> value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value.ordinal();
    }
}
