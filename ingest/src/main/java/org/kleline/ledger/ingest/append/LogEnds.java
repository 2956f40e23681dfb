package org.kleline.ledger.ingest.append;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The end offsets of every partition of {@code ledger.events}, as the cross-key rule needs them to
 * stamp an event's {@code appendedAfter}: asked of the brokers after the request arrived, so every
 * record acknowledged to a client before then lies below them.
 */
interface LogEnds extends AutoCloseable {

    /**
     * The end offsets (high watermarks), index = partition, from a look-up that started after this
     * call. Completes exceptionally with an {@link org.kleline.ledger.web.problem.UnavailableException}
     * when the brokers do not answer in time.
     */
    CompletableFuture<List<Long>> afterNow();

    @Override
    void close();
}
