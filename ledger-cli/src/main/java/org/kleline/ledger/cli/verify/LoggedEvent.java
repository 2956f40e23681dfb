package org.kleline.ledger.cli.verify;

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

    static LoggedEvent read(int partition, long offset, String key, EventEnvelope event) {
        return new LoggedEvent(partition, offset, key, event, null);
    }

    static LoggedEvent unreadable(int partition, long offset, String key, String failure) {
        return new LoggedEvent(partition, offset, key, null, failure);
    }

    boolean readable() {
        return event != null;
    }

    String where() {
        return "ledger.events partition " + partition + " offset " + offset;
    }
}
