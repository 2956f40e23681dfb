package org.kleline.ledger.cli.lifecycle;

import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * A process of the ledger serving its HTTP API ({@code ledger run}, {@code ledger node}, {@code ledger ingest}):
 * its parts in start order, the HTTP server among them. Closing it closes them, the last started first.
 */
public abstract class ServingProcess implements AutoCloseable {

    private final Services services;
    private final LedgerHttpServer http;

    protected ServingProcess(Services services, LedgerHttpServer http) {
        this.services = services;
        this.http = http;
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return http.port();
    }

    /** The parts, in start order, for a shutdown hook. */
    public Services services() {
        return services;
    }

    protected LedgerHttpServer http() {
        return http;
    }

    @Override
    public void close() {
        services.close();
    }
}
