package org.kleline.ledger.cli.verify;

import java.time.Instant;
import java.util.Comparator;
import org.kleline.ledger.events.EventEnvelope;

/**
 * One record of {@code ledger.events} as read: where it is, its key, and the event, or why it could
 * not be read (then the projector sends it to the dead-letter topic and decides nothing).
 *
 * @param partition the partition
 * @param offset    its offset there
 * @param key       the record key, the aggregate (e.g. {@code wallet:w-1}); null if absent
 * @param event     the event; null when unreadable
 * @param failure   why it could not be read; null when {@code event} is there
 */
record LoggedEvent(int partition, long offset, String key, EventEnvelope event, String failure) {

    private static final String MERCHANT_KEY_PREFIX = "merchant:";

    /**
     * The order in which records of different partitions are replayed: by occurredAt, a merchant's
     * events first on a tie (a payment at t sees the merchant events of t), then by
     * partition. Records of one partition are never reordered (see {@link PartitionMerge}). An
     * unreadable record has no time: it goes as soon as it heads its partition.
     */
    static final Comparator<LoggedEvent> REPLAY_ORDER = Comparator
            .comparingLong(LoggedEvent::occurredAtMillis)
            .thenComparingInt(e -> e.isMerchantEvent() ? 0 : 1)
            .thenComparingInt(LoggedEvent::partition);

    static LoggedEvent read(int partition, long offset, String key, EventEnvelope event) {
        return new LoggedEvent(partition, offset, key, event, null);
    }

    static LoggedEvent unreadable(int partition, long offset, String key, String failure) {
        return new LoggedEvent(partition, offset, key, null, failure);
    }

    boolean readable() {
        return event != null;
    }

    long occurredAtMillis() {
        Instant at = event == null ? null : event.getOccurredAt();
        return at == null ? Long.MIN_VALUE : at.toEpochMilli();
    }

    boolean isMerchantEvent() {
        return key != null && key.startsWith(MERCHANT_KEY_PREFIX);
    }

    String where() {
        return "ledger.events partition " + partition + " offset " + offset;
    }
}
