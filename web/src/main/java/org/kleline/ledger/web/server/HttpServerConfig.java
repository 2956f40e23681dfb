package org.kleline.ledger.web.server;

import java.util.Objects;
import java.util.Optional;
import org.kleline.ledger.web.tls.ServerTls;

/**
 * How the HTTP server binds and what it bounds.
 *
 * @param host            the interface to bind ({@code 0.0.0.0} for all)
 * @param port            the port; 0 picks a free one (tests)
 * @param maxRequestBytes the largest request body accepted; a larger one is a 413 problem
 * @param maxThreads      the request thread pool's bound
 * @param asyncTimeoutMs  the longest an answer given from a future may take (503 past it)
 * @param tls             the key and certificate to serve HTTPS with; empty: plain HTTP
 */
public record HttpServerConfig(
        String host, int port, long maxRequestBytes, int maxThreads, long asyncTimeoutMs, Optional<ServerTls> tls) {

    public static final long DEFAULT_REQUEST_BYTES_MAX = 1024L * 1024L;
    public static final int DEFAULT_THREADS_MAX = 64;
    /** Above the longest write: 30 s of Prefer wait after up to 15 s for the broker's acknowledgement. */
    public static final long DEFAULT_ASYNC_TIMEOUT_MS = 60_000;

    /** Plain HTTP. */
    public HttpServerConfig(String host, int port, long maxRequestBytes, int maxThreads, long asyncTimeoutMs) {
        this(host, port, maxRequestBytes, maxThreads, asyncTimeoutMs, Optional.empty());
    }

    public HttpServerConfig {
        Objects.requireNonNull(tls, "tls");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be set, was '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be >= 1, was " + maxRequestBytes);
        }
        if (maxThreads < 4) {
            throw new IllegalArgumentException("maxThreads must be >= 4, was " + maxThreads);
        }
        if (asyncTimeoutMs < 1) {
            throw new IllegalArgumentException("asyncTimeoutMs must be >= 1, was " + asyncTimeoutMs);
        }
    }

    /** The same server, serving HTTPS only with {@code tls} (or plain HTTP when empty). */
    public HttpServerConfig withTls(Optional<ServerTls> serverTls) {
        return new HttpServerConfig(host, port, maxRequestBytes, maxThreads, asyncTimeoutMs, serverTls);
    }

    public static HttpServerConfig onPort(int port) {
        return new HttpServerConfig(
                "0.0.0.0", port, DEFAULT_REQUEST_BYTES_MAX, DEFAULT_THREADS_MAX, DEFAULT_ASYNC_TIMEOUT_MS);
    }
}
