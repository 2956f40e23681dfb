package org.kleline.ledger.projector.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.kleline.ledger.model.serde.InMemorySchemaRegistry;
import org.kleline.ledger.model.serde.RegisteredSchema;
import org.kleline.ledger.model.serde.SchemaRegistryException;

/**
 * A schema registry over HTTP on a free loopback port, answering the four calls of the serdes
 * from an {@link InMemorySchemaRegistry} scope, whose "not found" answers it passes on as the
 * registry's 404s. It can be told to answer the next schema-by-id requests 503, as a registry
 * briefly down behind its load balancer does.
 */
final class RegistryStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDS = "/schemas/ids/";
    private static final String SUBJECTS = "/subjects/";

    private final InMemorySchemaRegistry backing;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger unavailableAnswersLeft = new AtomicInteger();
    private final AtomicInteger schemaByIdRequests = new AtomicInteger();

    RegistryStub(InMemorySchemaRegistry backing) throws IOException {
        this.backing = backing;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** The next {@code times} requests for a schema by id are answered 503. */
    void answerUnavailable(int times) {
        unavailableAnswersLeft.set(times);
    }

    int schemaByIdRequests() {
        return schemaByIdRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            if (method.equals("GET") && path.startsWith(IDS)) {
                schemaByIdRequests.incrementAndGet();
                if (unavailableAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    answer(exchange, 503, error(50301, "Service unavailable: the test's outage"));
                    return;
                }
                Schema schema = backing.schemaById(Integer.parseInt(path.substring(IDS.length())));
                answer(exchange, 200, JSON.createObjectNode().put("schema", schema.toString()));
            } else if (method.equals("POST") && path.startsWith(SUBJECTS) && path.endsWith("/versions")) {
                String subject = subject(path.substring(SUBJECTS.length(), path.length() - "/versions".length()));
                int id = backing.register(subject, schemaOf(body));
                answer(exchange, 200, JSON.createObjectNode().put("id", id));
            } else if (method.equals("POST") && path.startsWith(SUBJECTS)) {
                answer(
                        exchange,
                        200,
                        version(backing.lookup(subject(path.substring(SUBJECTS.length())), schemaOf(body))));
            } else if (method.equals("GET") && path.startsWith(SUBJECTS) && path.endsWith("/versions/latest")) {
                String subject =
                        subject(path.substring(SUBJECTS.length(), path.length() - "/versions/latest".length()));
                answer(exchange, 200, version(backing.latestVersion(subject)));
            } else {
                answer(exchange, 404, error(404, "no such endpoint in the stub: " + method + " " + path));
            }
        } catch (SchemaRegistryException e) {
            answer(exchange, e.httpStatus(), error(e.errorCode(), e.registryMessage()));
        }
    }

    private static String subject(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static Schema schemaOf(String body) throws IOException {
        return new Schema.Parser().parse(JSON.readTree(body).get("schema").asText());
    }

    private static ObjectNode version(RegisteredSchema registered) {
        return JSON.createObjectNode()
                .put("subject", registered.subject())
                .put("version", registered.version())
                .put("id", registered.id())
                .put("schema", registered.schema().toString());
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
