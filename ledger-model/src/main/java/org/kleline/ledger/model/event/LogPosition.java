package org.kleline.ledger.model.event;

import java.util.List;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * Where an event stands in {@code ledger.events}, and what the log records of what was appended
 * before it: the cross-key rule (docs/domain.md) reads nothing else, so every reader of the log
 * (the projector, a projector rebuilt from scratch, {@code ledger verify}) decides the same.
 *
 * <p>A merchant event counts for this event when it lies below {@link #boundFor(int)} on its own
 * partition: on this event's partition, below this event's offset (a partition's offset order is its
 * append order); on another partition, below the offset ingest stamped into the event
 * ({@code appendedAfter}, the partition's end offset when the request arrived, raised past earlier
 * merchant lines of the same NDJSON body). An event without a stamp sees no merchant event of
 * another partition.
 *
 * @param partition     the event's partition of {@code ledger.events}
 * @param offset        its offset there
 * @param appendedAfter the event's {@code appendedAfter} field: one offset per partition, or null
 */
public record LogPosition(int partition, long offset, List<Long> appendedAfter) {

    /**
     * More partitions than any deployment has: the most a run may be configured with, a forwarded read may name, and
     * an {@code appendedAfter} array may carry (it bounds what a hostile record could make a reader allocate).
     */
    public static final int PARTITIONS_MAX = 10_000;

    public LogPosition {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        requireValidAppendedAfter(appendedAfter);
        appendedAfter = appendedAfter == null ? null : List.copyOf(appendedAfter);
    }

    /** The n-th event of a log of one partition: what a replay fed events one by one in log order uses. */
    public static LogPosition sequential(long offset) {
        return new LogPosition(0, offset, null);
    }

    /**
     * The offset below which the merchant events of {@code merchantPartition} count for this event:
     * this event's own offset on its own partition; else its stamp for that partition, 0 without one.
     */
    public long boundFor(int merchantPartition) {
        if (merchantPartition == partition) {
            return offset;
        }
        if (appendedAfter == null || merchantPartition >= appendedAfter.size()) {
            return 0L;
        }
        return appendedAfter.get(merchantPartition);
    }

    /**
     * The contract of an {@code appendedAfter} field: absent, or at most {@value #PARTITIONS_MAX}
     * offsets, none negative.
     *
     * @throws InvalidFieldException naming {@code appendedAfter}
     */
    public static void requireValidAppendedAfter(List<Long> appendedAfter) {
        if (appendedAfter == null) {
            return;
        }
        if (appendedAfter.size() > PARTITIONS_MAX) {
            throw new InvalidFieldException(
                    "appendedAfter",
                    appendedAfter.size() + " offsets",
                    "holds one offset per partition, at most " + PARTITIONS_MAX);
        }
        for (Long offset : appendedAfter) {
            if (offset == null || offset < 0) {
                throw new InvalidFieldException("appendedAfter", String.valueOf(offset), "offsets must be >= 0");
            }
        }
    }

    /**
     * Whether {@code event}'s outcome may depend on a merchant of another key, so that ingest stamps
     * {@code appendedAfter} into it: a micropayment, every card payment event.
     */
    public static boolean needsAppendedAfter(EventEnvelope event) {
        Object payload = event.getPayload();
        return payload instanceof MicropaymentRequested
                || payload instanceof CardPaymentAuthorized
                || payload instanceof CardPaymentCaptured
                || payload instanceof CardPaymentRefunded
                || payload instanceof CardPaymentChargedBack;
    }
}
