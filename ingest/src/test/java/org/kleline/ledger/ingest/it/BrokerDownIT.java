package org.kleline.ledger.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.run.IngestInstance;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** With the broker gone, a write is a 503 with Retry-After within the producer's timeouts, never a silent 202. */
class BrokerDownIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void writesAfterTheBrokerStopsAre503(@TempDir Path data) throws Exception {
        EmbeddedLedgerInfrastructure infrastructure = EmbeddedLedgerInfrastructure.start(data);
        Map<String, Object> clients =
                IngestTopics.clients(infrastructure.bootstrapServers(), infrastructure.schemaRegistryUrl());
        // Short producer timeouts, so the test sees the 503 in seconds rather than the production defaults.
        clients.put("max.block.ms", 2_000);
        clients.put("request.timeout.ms", 1_500);
        clients.put("delivery.timeout.ms", 3_000);
        clients.put("linger.ms", 0);
        IngestTopics.create(infrastructure.bootstrapServers(), 1);
        Topics topics = Topics.create(clients);
        try (IngestRuntime ingest = IngestRuntime.start(
                        clients,
                        topics,
                        IngestConfig.defaults(),
                        OutcomeLookup.none(),
                        Optional.empty(),
                        Clock.systemUTC(),
                        IngestInstance.unique());
                LedgerHttpServer server =
                        LedgerHttpServer.create(0, List.of(ingest.routes())).start()) {
            assertThat(topUp(server, "down-1").statusCode()).isEqualTo(202);

            infrastructure.close();

            long started = System.nanoTime();
            HttpResponse<String> refused = topUp(server, "down-2");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(LedgerJson.mapper()
                            .readTree(refused.body())
                            .get("detail")
                            .asText())
                    .startsWith("event 'down-2' was not acknowledged by the log");
            assertThat(took).isLessThan(Duration.ofSeconds(15));

            HttpResponse<String> bulk = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"type\":\"WalletToppedUp\",\"eventId\":\"down-3\",\"walletId\":\"w-1\",\"amount\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bulk.statusCode()).isEqualTo(503);
        } finally {
            infrastructure.close();
        }
    }

    private static HttpResponse<String> topUp(LedgerHttpServer server, String eventId) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/wallets/w-1/top-ups"))
                        .header("Idempotency-Key", eventId)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
