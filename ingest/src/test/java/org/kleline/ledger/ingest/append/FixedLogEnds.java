package org.kleline.ledger.ingest.append;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** End offsets given by the test, counting how often they were asked. */
final class FixedLogEnds implements LogEnds {

    private volatile List<Long> ends;
    private volatile RuntimeException failure;
    private final AtomicInteger asked = new AtomicInteger();

    FixedLogEnds(List<Long> ends) {
        this.ends = ends;
    }

    void answer(List<Long> next) {
        this.ends = next;
    }

    void fail(RuntimeException error) {
        this.failure = error;
    }

    int asked() {
        return asked.get();
    }

    @Override
    public CompletableFuture<List<Long>> afterNow() {
        asked.incrementAndGet();
        return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(ends);
    }

    @Override
    public void close() {}
}
