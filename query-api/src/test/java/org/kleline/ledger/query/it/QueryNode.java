package org.kleline.ledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.it.BrokerFixture;
import org.kleline.ledger.query.QueryApi;
import org.kleline.ledger.query.QueryConfig;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** One projector node as `ledger node` runs it: a Projector, its QueryApi, and the HTTP server on the advertised port. */
final class QueryNode implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PARTITIONS = BrokerFixture.PARTITIONS;

    /** The one client of the nodes and of the tests beside them: it connects within 5 s. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    final Projector projector;
    final QueryApi api;
    final LedgerHttpServer server;

    private QueryNode(int port, Projector projector, QueryApi api, LedgerHttpServer server) {
        this.port = port;
        this.projector = projector;
        this.api = api;
        this.server = server;
    }

    /** Starts a projector advertising {@code 127.0.0.1:port}, then its query API on that port. */
    static QueryNode start(EmbeddedLedgerInfrastructure infra, String applicationId, Path stateDir, int port) {
        Projector projector = new Projector(props(infra, applicationId, stateDir, port));
        projector.start();
        HostInfo self = new HostInfo(HOST, port);
        QueryApi api =
                QueryApi.create(projector, new QueryConfig(self, Duration.ofSeconds(5), ZoneId.of("Europe/Paris")));
        LedgerHttpServer server =
                LedgerHttpServer.create(port, List.of(api.routes())).start();
        return new QueryNode(port, projector, api, server);
    }

    /** The fixture's projector properties, advertising {@code 127.0.0.1:port}, with a shorter session. */
    static Properties props(EmbeddedLedgerInfrastructure infra, String applicationId, Path stateDir, int port) {
        Properties p = BrokerFixture.projectorProps(infra, applicationId, stateDir);
        p.put(ProjectorSettings.ROCKSDB_MEMORY_BYTES, Long.toString(32L * 1024 * 1024));
        p.put("application.server", HOST + ":" + port);
        // A closed Streams member does not leave the group: its partitions move once its session expires.
        p.put("consumer.session.timeout.ms", "6000");
        p.put("consumer.heartbeat.interval.ms", "1500");
        return p;
    }

    HttpResponse<String> get(String path) {
        return get(path, "application/json");
    }

    HttpResponse<String> get(String path, String accept) {
        return send("GET", path, request(path).header("Accept", accept));
    }

    HttpResponse<String> post(String path, String json) {
        return send(
                "POST",
                path,
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.Builder request) {
        return send(request.build(), method + " " + path + " on node " + port);
    }

    /** The answer to {@code request}; when it cannot be sent, the test fails naming {@code what} was asked. */
    static HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The body of a 200 answer, as JSON; anything else fails with the status and body. */
    JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " on node " + port + ": " + r.statusCode() + " " + r.body());
        }
        return parse(r.body());
    }

    static JsonNode parse(String json) {
        try {
            return LedgerJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Stops the projector (its Streams instance) but keeps the HTTP server answering. */
    void stopProjector() {
        projector.close();
    }

    @Override
    public void close() {
        server.close();
        api.close();
        projector.close();
    }
}
