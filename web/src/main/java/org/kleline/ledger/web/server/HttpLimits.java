package org.kleline.ledger.web.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one HTTP server lets clients hold at once, and how long a silent connection may stay. Past a bound of
 * requests in flight ({@link RequestClass}), a request is answered at once with 429 and {@code Retry-After}
 * rather than queued; past the connection bound the server stops accepting, and new connections wait in
 * the operating system's accept queue of {@code acceptQueue}.
 *
 * @param threads     the request thread pool's bound (the acceptor and selector threads are taken from it)
 * @param connections open connections at most; past it, accepting pauses and idle connections are cut
 *                    after {@link #CROWDED_IDLE_TIMEOUT} instead of {@code idleTimeout}
 * @param acceptQueue connections the operating system holds before the server accepts them (the listen backlog)
 * @param idleTimeout how long a connection may send and receive nothing: a client trickling its request
 *                    slower than one byte per idle timeout is cut off, and a kept-alive connection is closed
 * @param inFlight    requests in flight at most, per class; every class has one
 */
public record HttpLimits(
        int threads, int connections, int acceptQueue, Duration idleTimeout, Map<RequestClass, Integer> inFlight) {

    public static final int DEFAULT_THREADS = 64;
    public static final int DEFAULT_CONNECTIONS = 2_048;
    public static final int DEFAULT_ACCEPT_QUEUE = 256;
    public static final String DEFAULT_IDLE_TIMEOUT_TEXT = "PT30S";
    /** Jetty's own default; an answer given from a future (a wait) is not cut by it, however long it takes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.parse(DEFAULT_IDLE_TIMEOUT_TEXT);

    public static final int CROWDED_IDLE_TIMEOUT_SECONDS = 5;
    /** The idle timeout of every connection while the server holds {@code connections} of them. */
    public static final Duration CROWDED_IDLE_TIMEOUT = Duration.ofSeconds(CROWDED_IDLE_TIMEOUT_SECONDS);

    public static final int DEFAULT_IN_FLIGHT_WRITES = 512;
    public static final int DEFAULT_IN_FLIGHT_WAITS = 1_000;
    public static final int DEFAULT_IN_FLIGHT_BULK = 8;
    /** As many as {@code ledger settle} keeps in flight by default: a settle waits for its catch-up without a thread. */
    public static final int DEFAULT_IN_FLIGHT_SETTLES = 16;

    public static final int DEFAULT_IN_FLIGHT_READS = 48;
    public static final int DEFAULT_IN_FLIGHT_HEAVY_READS = 8;

    private static final Map<RequestClass, Integer> DEFAULT_IN_FLIGHT = Map.of(
            RequestClass.WRITES, DEFAULT_IN_FLIGHT_WRITES,
            RequestClass.WAITS, DEFAULT_IN_FLIGHT_WAITS,
            RequestClass.BULK, DEFAULT_IN_FLIGHT_BULK,
            RequestClass.SETTLES, DEFAULT_IN_FLIGHT_SETTLES,
            RequestClass.READS, DEFAULT_IN_FLIGHT_READS,
            RequestClass.HEAVY_READS, DEFAULT_IN_FLIGHT_HEAVY_READS);

    public HttpLimits {
        if (threads < 4) {
            throw new IllegalArgumentException("threads must be >= 4, was " + threads);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1, was " + connections);
        }
        if (acceptQueue < 1) {
            throw new IllegalArgumentException("acceptQueue must be >= 1, was " + acceptQueue);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least 1 ms, was " + idleTimeout);
        }
        EnumMap<RequestClass, Integer> bounds = new EnumMap<>(RequestClass.class);
        bounds.putAll(inFlight);
        for (RequestClass kind : RequestClass.values()) {
            Integer bound = bounds.get(kind);
            if (bound == null || bound < 1) {
                throw new IllegalArgumentException(
                        "in-flight bound of " + kind.wireName() + " must be >= 1, was " + bound);
            }
        }
        inFlight = Map.copyOf(bounds);
    }

    public static HttpLimits defaults() {
        return new HttpLimits(
                DEFAULT_THREADS, DEFAULT_CONNECTIONS, DEFAULT_ACCEPT_QUEUE, DEFAULT_IDLE_TIMEOUT, DEFAULT_IN_FLIGHT);
    }

    /** The bound of requests of {@code kind} in flight. */
    public int inFlight(RequestClass kind) {
        return inFlight.get(kind);
    }

    public HttpLimits withThreads(int newThreads) {
        return new HttpLimits(newThreads, connections, acceptQueue, idleTimeout, inFlight);
    }

    public HttpLimits withConnections(int newConnections, int newAcceptQueue) {
        return new HttpLimits(threads, newConnections, newAcceptQueue, idleTimeout, inFlight);
    }

    public HttpLimits withIdleTimeout(Duration newIdleTimeout) {
        return new HttpLimits(threads, connections, acceptQueue, newIdleTimeout, inFlight);
    }

    public HttpLimits withInFlight(RequestClass kind, int bound) {
        EnumMap<RequestClass, Integer> bounds = new EnumMap<>(inFlight);
        bounds.put(kind, bound);
        return new HttpLimits(threads, connections, acceptQueue, idleTimeout, bounds);
    }
}
