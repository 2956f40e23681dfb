package org.kleline.ledger.ingest.append;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Appends events to the log. A returned future completes only once the broker has acknowledged the
 * write (every in-sync replica has it); when the log cannot take it (broker down, timeout), it
 * completes exceptionally with an {@link org.kleline.ledger.web.problem.UnavailableException}, so a
 * write is answered 503 and never silently dropped.
 */
public interface EventAppender extends AutoCloseable {

    /** Appends one event. */
    CompletableFuture<Void> append(KeyedEvent event);

    /** Appends all events atomically: every one is visible to read_committed readers, or none is. */
    CompletableFuture<Void> appendAll(List<KeyedEvent> events);

    @Override
    void close();
}
