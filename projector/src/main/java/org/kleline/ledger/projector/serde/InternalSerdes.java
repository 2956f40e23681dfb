package org.kleline.ledger.projector.serde;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The serdes of the ledger-model records the projector keeps in its stores (outcomes, settlement
 * rows), in {@link CompactSerde}'s format: after the version byte, the fields below in this order.
 * The projector's own records have theirs beside their stores ({@code DecideStores},
 * {@code ViewStores}, {@code SettlementStores}), in the same format. {@code long}/{@code int}: zig-zag varint;
 * string: varint UTF-8 length, bytes; optional string: 0, or 1 and the string; enum: varint ordinal;
 * date: varint epoch day; instant: varint epoch millis; list: varint count, items.
 */
public final class InternalSerdes {

    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();

    private InternalSerdes() {}

    /**
     * merchantId, businessDate, currency, count, gross, refunds, chargebacks, fees, commission, net,
     * paidOut, payouts, status: the schema's fields in its order ({@link FlatRecordSerde}).
     */
    public static final CompactSerde<SettlementRow> SETTLEMENT_ROW = new FlatRecordSerde<>(SettlementRow::new, 96);

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
            out.writeInt(CompactFields.ordinal("eventType", v.getEventType()));
            out.writeLong(CompactFields.epochMillis("occurredAt", v.getOccurredAt()));
            out.writeInt(CompactFields.ordinal("outcome", v.getOutcome()));
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
            int count = CompactFields.count(in, "postings");
            List<Posting> postings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                postings.add(new Posting(
                        in.readString("posting.account"),
                        in.readString("posting.currency"),
                        in.readLong("posting.amount")));
            }
            String appendedBy = in.atEnd() ? null : in.readOptionalString("appendedBy");
            String payloadSha256 = in.atEnd() ? null : in.readOptionalString("payloadSha256");
            return new EventOutcome(
                    eventId,
                    key,
                    type,
                    occurredAt,
                    outcome,
                    reason == 0 ? null : REASONS[reason - 1],
                    postings,
                    appendedBy,
                    payloadSha256);
        }
    };
}
