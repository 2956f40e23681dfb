package org.kleline.ledger.ingest.outcome;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * Writes waiting for their outcome ({@code Prefer: wait=N}), by eventId, completed as outcomes are read.
 * Bounded: past {@code maxPending} waits, a new one is refused (503) rather than let memory grow.
 * A wait is registered before its event is appended, so an outcome read at once cannot be missed.
 */
public final class PendingOutcomes {

    public static final int DEFAULT_PENDING_MAX = 10_000;

    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentMap<String, List<Wait>> byEventId = new ConcurrentHashMap<>();

    public PendingOutcomes(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, was " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /** One write's wait for the outcome of {@code eventId} under its aggregate {@code key}. Close it when done. */
    public final class Wait implements AutoCloseable {
        private final String eventId;
        private final String key;
        private final CompletableFuture<EventOutcome> outcome = new CompletableFuture<>();

        private Wait(String eventId, String key) {
            this.eventId = eventId;
            this.key = key;
        }

        public CompletableFuture<EventOutcome> outcome() {
            return outcome;
        }

        @Override
        public void close() {
            byEventId.computeIfPresent(eventId, (id, waits) -> {
                if (waits.remove(this)) {
                    pending.decrementAndGet();
                }
                return waits.isEmpty() ? null : waits;
            });
            outcome.cancel(false);
        }
    }

    public Wait register(String eventId, String key) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            throw new UnavailableException(
                    "too many writes are waiting for their outcome (at most " + maxPending
                            + "); retry, or send without Prefer: wait",
                    Duration.ofSeconds(1),
                    null);
        }
        Wait wait = new Wait(eventId, key);
        byEventId.compute(eventId, (id, waits) -> {
            List<Wait> list = waits == null ? new CopyOnWriteArrayList<>() : waits;
            list.add(wait);
            return list;
        });
        return wait;
    }

    /**
     * Completes the waits for this outcome's eventId under the same key. An outcome under another key
     * is another event that reused the id (docs/domain.md leaves that to the clients), not this one's.
     */
    public void complete(EventOutcome outcome) {
        List<Wait> waits = byEventId.get(outcome.getEventId());
        if (waits == null) {
            return;
        }
        for (Wait wait : waits) {
            if (wait.key.equals(outcome.getKey())) {
                wait.outcome.complete(outcome);
            }
        }
    }

    public int pending() {
        return pending.get();
    }
}
