package org.kleline.ledger.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.http.IngestRoutes;
import org.kleline.ledger.ingest.outcome.InMemoryOutcomeLookup;
import org.kleline.ledger.ingest.outcome.PendingOutcomes;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** Ingest's routes on a real server (port 0) over a recording appender and in-memory outcomes. */
public final class IngestHarness implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");

    public final RecordingEventAppender appender = new RecordingEventAppender();
    public final InMemoryOutcomeLookup lookup = new InMemoryOutcomeLookup();
    public final PendingOutcomes pending;
    private final LedgerHttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    public IngestHarness(IngestConfig config, int maxPendingWaits, Optional<SettlementRows> rows) {
        this.pending = new PendingOutcomes(maxPendingWaits);
        IngestRoutes routes =
                new IngestRoutes(config, appender, pending, lookup, rows, Clock.fixed(NOW, ZoneOffset.UTC));
        this.server = LedgerHttpServer.create(0, List.of(routes)).start();
    }

    public static IngestHarness standard() {
        return new IngestHarness(IngestConfig.defaults(), 100, Optional.empty());
    }

    /** POST with the given headers (name, value, name, value, ...). */
    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return LedgerJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
