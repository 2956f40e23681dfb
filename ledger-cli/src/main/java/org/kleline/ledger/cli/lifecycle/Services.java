package org.kleline.ledger.cli.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running process in the order they were started; {@link #close()} stops them in the
 * reverse order, so a part never outlives what it depends on (HTTP before ingest before the query API
 * before the projector before the broker). A part that fails to close does not keep the others open.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private record Part(String name, AutoCloseable closeable) {}

    private final Deque<Part> started = new ArrayDeque<>();

    /** Records a started part; returns it, for chaining. */
    public synchronized <T extends AutoCloseable> T add(String name, T part) {
        started.push(new Part(name, part));
        return part;
    }

    /** Closes every part, the last started first. Idempotent. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.closeable().close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.name(), e.toString(), e);
            }
        }
    }
}
