package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.problem.NotFoundException;
import org.kleline.ledger.web.problem.UnavailableException;

class LedgerHttpServerTest {

    record Sample(String name, Long amount, Inner inner) {}

    record Inner(Integer bps) {}

    private static LedgerHttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        HttpRoutes samples = routes -> {
            routes.post("/echo", ctx -> ctx.json(LedgerJson.mapper().readValue(ctx.bodyAsBytes(), Sample.class)));
            routes.get("/invalid", ctx -> {
                throw new InvalidRequestException("walletId", "walletId 'a b' is not a valid id");
            });
            routes.get("/missing", ctx -> {
                throw new NotFoundException("no wallet 'w-9'");
            });
            routes.get("/down", ctx -> {
                throw new UnavailableException("broker unreachable", Duration.ofSeconds(2), null);
            });
            routes.get(
                    "/down-later",
                    ctx -> ctx.future(() -> CompletableFuture.failedFuture(
                            new UnavailableException("broker timed out", Duration.ofSeconds(3), null))));
            routes.get(
                    "/later",
                    ctx -> ctx.future(
                            () -> CompletableFuture.supplyAsync(() -> "done").thenAccept(ctx::result)));
            routes.get("/bug", ctx -> {
                throw new IllegalStateException("secret internals");
            });
        };
        server = LedgerHttpServer.create(0, List.of(samples)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void portZeroBindsAFreePort() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void theHookBeforeBindRunsOnceWhileThePortIsStillHeld() throws IOException {
        ServerSocket holder = new ServerSocket();
        holder.bind(new InetSocketAddress(0));
        int port = holder.getLocalPort();
        List<Boolean> heldWhenRun = new ArrayList<>();
        try (LedgerHttpServer bound = LedgerHttpServer.create(
                        HttpServerConfig.of("127.0.0.1", port, HttpLimits.defaults()), List.of())
                .start(() -> {
                    heldWhenRun.add(!holder.isClosed());
                    try {
                        holder.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })) {
            assertThat(heldWhenRun).containsExactly(true);
            assertThat(bound.port()).isEqualTo(port);
        } finally {
            holder.close();
        }
    }

    @Test
    void wellFormedJsonIsReadAndWritten() throws Exception {
        HttpResponse<String> res = post("/echo", "{\"name\":\"a\",\"amount\":5,\"inner\":{\"bps\":10}}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(json(res)).isEqualTo(json("{\"name\":\"a\",\"amount\":5,\"inner\":{\"bps\":10}}"));
    }

    @Test
    void unknownFieldIsA400NamingIt() throws Exception {
        HttpResponse<String> res = post("/echo", "{\"name\":\"a\",\"colour\":\"red\"}");
        assertProblem(res, 400, "urn:kleline:ledger:problem:validation", "unknown field 'colour'", "colour");
    }

    @Test
    void unknownNestedFieldIsNamedByItsPath() throws Exception {
        HttpResponse<String> res = post("/echo", "{\"inner\":{\"bps\":1,\"extra\":2}}");
        assertProblem(res, 400, "urn:kleline:ledger:problem:validation", "unknown field 'inner.extra'", "inner.extra");
    }

    static Stream<Arguments> bodiesRefusedNamingAField() {
        return Stream.of(
                Arguments.of("a number as a string", "{\"amount\":\"100\"}", "amount"),
                Arguments.of("a fraction where an integer is due", "{\"inner\":{\"bps\":1.5}}", "inner.bps"),
                Arguments.of("an integer beyond a long", "{\"amount\":99999999999999999999999}", "amount"),
                Arguments.of("a duplicate key", "{\"amount\":1,\"amount\":2}", "amount"));
    }

    @ParameterizedTest(name = "{0} is refused naming the field")
    @MethodSource("bodiesRefusedNamingAField")
    void aBodyTheRecordCannotTakeIsRefusedNamingTheField(String story, String body, String field) throws Exception {
        HttpResponse<String> res = post("/echo", body);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(json(res).get("field").asText()).isEqualTo(field);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void syntaxErrorIsA400WithoutField() throws Exception {
        HttpResponse<String> res = post("/echo", "{\"name\":");
        assertThat(res.statusCode()).isEqualTo(400);
        JsonNode body = json(res);
        assertThat(body.get("type").asText()).isEqualTo("urn:kleline:ledger:problem:malformed-json");
        assertThat(body.get("title").asText()).isEqualTo("Request body is not valid JSON for this endpoint");
        assertThat(body.get("detail").asText()).startsWith("the body is not valid JSON");
    }

    @Test
    void bodyOverOneMebibyteIsA413Problem() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        HttpResponse<String> res = post("/echo", big);
        assertProblem(
                res,
                413,
                "urn:kleline:ledger:problem:payload-too-large",
                "the request body is larger than the limit",
                null);
    }

    @Test
    void whatTheHttpServerRefusesBeforeAnyRouteIsAProblemToo() throws Exception {
        for (String method : List.of("GET", "DELETE", "PUT")) {
            String answer = raw(method + " /missing/%C3%28 HTTP/1.1\r\nHost: localhost\r\n");
            assertThat(answer)
                    .as(method)
                    .startsWith("HTTP/1.1 400")
                    .contains("Content-Type: application/problem+json")
                    .contains("\"type\":\"urn:kleline:ledger:problem:bad-request\"")
                    .contains("\"status\":400");
        }
        assertThat(raw("GET /missing/%ZZ HTTP/1.1\r\nHost: localhost\r\n"))
                .startsWith("HTTP/1.1 400")
                .contains("urn:kleline:ledger:problem:bad-request");
        assertThat(raw("GET /missing HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0000b\r\n"))
                .startsWith("HTTP/1.1 400")
                .contains("urn:kleline:ledger:problem:bad-request");
        assertThat(raw("GET /missing HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(9_000) + "\r\n"))
                .startsWith("HTTP/1.1 431")
                .contains("urn:kleline:ledger:problem:request-header-fields-too-large")
                .contains("\"status\":431");
        assertThat(raw("GET /missing?x=" + "y".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\n"))
                .startsWith("HTTP/1.1 414")
                .contains("urn:kleline:ledger:problem:uri-too-long");
    }

    @Test
    void jsonPastItsBoundsIsA400() throws Exception {
        HttpResponse<String> deep = post("/echo", "{\"inner\":" + "[".repeat(40) + "]".repeat(40) + "}");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(json(deep).get("type").asText()).isEqualTo("urn:kleline:ledger:problem:malformed-json");
        HttpResponse<String> longNumber = post("/echo", "{\"amount\":1" + "0".repeat(200) + "}");
        assertThat(longNumber.statusCode()).isEqualTo(400);
        assertThat(json(longNumber).get("type").asText()).isEqualTo("urn:kleline:ledger:problem:malformed-json");
        assertThat(post("/echo", "{\"inner\":{\"bps\":1}}").statusCode()).isEqualTo(200);
    }

    /** A request written by hand (java.net.http will not send these), answered whole once the server closes. */
    private static String raw(String head) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((head + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void validationExceptionIsA400NamingTheField() throws Exception {
        assertProblem(
                get("/invalid"),
                400,
                "urn:kleline:ledger:problem:validation",
                "walletId 'a b' is not a valid id",
                "walletId");
    }

    @Test
    void notFoundExceptionIsA404() throws Exception {
        assertProblem(get("/missing"), 404, "urn:kleline:ledger:problem:not-found", "no wallet 'w-9'", null);
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        assertProblem(get("/nowhere"), 404, "urn:kleline:ledger:problem:not-found", "no such resource", null);
    }

    @Test
    void unavailableIsA503WithRetryAfter() throws Exception {
        HttpResponse<String> res = get("/down");
        assertProblem(res, 503, "urn:kleline:ledger:problem:unavailable", "broker unreachable", null);
        assertThat(res.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void unavailableFromAFutureIsA503WithRetryAfter() throws Exception {
        HttpResponse<String> res = get("/down-later");
        assertProblem(res, 503, "urn:kleline:ledger:problem:unavailable", "broker timed out", null);
        assertThat(res.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void futureResultIsAnswered() throws Exception {
        HttpResponse<String> res = get("/later");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("done");
    }

    @Test
    void unexpectedErrorIsA500WithoutInternals() throws Exception {
        HttpResponse<String> res = get("/bug");
        assertProblem(res, 500, "urn:kleline:ledger:problem:internal", "the server failed to handle the request", null);
        assertThat(res.body()).doesNotContain("secret");
    }

    @Test
    void closedServerRefusesConnections() throws Exception {
        LedgerHttpServer other = LedgerHttpServer.create(0, List.of(routes -> routes.get("/x", ctx -> ctx.result("x"))))
                .start();
        int port = other.port();
        assertThat(CLIENT.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .isEqualTo("x");
        other.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private static void assertProblem(HttpResponse<String> res, int status, String type, String detail, String field)
            throws IOException {
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json(res);
        assertThat(body.get("type").asText()).isEqualTo(type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.hasNonNull("title")).isTrue();
        if (field == null) {
            assertThat(body.has("field")).isFalse();
        } else {
            assertThat(body.get("field").asText()).isEqualTo(field);
        }
    }

    private static JsonNode json(HttpResponse<String> res) throws IOException {
        return json(res.body());
    }

    private static JsonNode json(String s) throws IOException {
        return LedgerJson.mapper().readTree(s);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
