package org.kleline.ledger.ingest.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kleline.ledger.ingest.append.EventAppender;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.web.problem.UnavailableException;

/** An appender that keeps what it is given; it can be made to refuse, as a broker that is down. */
public final class RecordingEventAppender implements EventAppender {

    private final List<KeyedEvent> appended = new CopyOnWriteArrayList<>();
    private final List<List<KeyedEvent>> batches = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Consumer<KeyedEvent> onAppend = event -> {};

    public List<KeyedEvent> appended() {
        return List.copyOf(appended);
    }

    public List<List<KeyedEvent>> batches() {
        return List.copyOf(batches);
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** Runs after each single append is recorded, as a projector deciding it would. */
    public void onAppend(Consumer<KeyedEvent> action) {
        this.onAppend = action;
    }

    @Override
    public CompletableFuture<Void> append(KeyedEvent event) {
        if (down) {
            return CompletableFuture.failedFuture(new UnavailableException(
                    "event '" + event.eventId() + "' was not acknowledged by the log", Duration.ofSeconds(2), null));
        }
        appended.add(event);
        onAppend.accept(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> appendAll(List<KeyedEvent> events) {
        if (down) {
            return CompletableFuture.failedFuture(new UnavailableException(
                    "the batch of " + events.size() + " events was not appended", Duration.ofSeconds(2), null));
        }
        batches.add(new ArrayList<>(events));
        appended.addAll(events);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}
}
