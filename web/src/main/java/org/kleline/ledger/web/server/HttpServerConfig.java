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
 * @param asyncTimeoutMs  the longest an answer given from a future may take (503 past it)
 * @param limits          threads, connections, idle timeout and requests in flight per class
 * @param tls             the key and certificate to serve HTTPS with; empty: plain HTTP
 */
public record HttpServerConfig(
        String host, int port, long maxRequestBytes, long asyncTimeoutMs, HttpLimits limits, Optional<ServerTls> tls) {

    public static final long DEFAULT_REQUEST_BYTES_MAX = 1024L * 1024L;
    /** Above the longest write: 30 s of Prefer wait after up to 15 s for the broker's acknowledgement. */
    public static final long DEFAULT_ASYNC_TIMEOUT_MS = 60_000;

    /** Plain HTTP. */
    public HttpServerConfig(String host, int port, long maxRequestBytes, long asyncTimeoutMs, HttpLimits limits) {
        this(host, port, maxRequestBytes, asyncTimeoutMs, limits, Optional.empty());
    }

    public HttpServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be set, was '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be >= 1, was " + maxRequestBytes);
        }
        if (asyncTimeoutMs < 1) {
            throw new IllegalArgumentException("asyncTimeoutMs must be >= 1, was " + asyncTimeoutMs);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
    }

    /** The defaults of every bound, on {@code host}:{@code port} within {@code limits}, plain HTTP. */
    public static HttpServerConfig of(String host, int port, HttpLimits limits) {
        return new HttpServerConfig(host, port, DEFAULT_REQUEST_BYTES_MAX, DEFAULT_ASYNC_TIMEOUT_MS, limits);
    }

    /** The same server, serving HTTPS only with {@code tls} (or plain HTTP when empty). */
    public HttpServerConfig withTls(Optional<ServerTls> serverTls) {
        return new HttpServerConfig(host, port, maxRequestBytes, asyncTimeoutMs, limits, serverTls);
    }

    public static HttpServerConfig onPort(int port) {
        return of("0.0.0.0", port, HttpLimits.defaults());
    }
}
