package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.web.json.LedgerJson;

class RequestAdmissionTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Long enough for a busy machine to keep the trickling clients below it, short enough for a test. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

    private final CountDownLatch open = new CountDownLatch(1);
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private LedgerHttpServer server;

    @BeforeEach
    void start() {
        HttpLimits limits = HttpLimits.defaults()
                .withThreads(16)
                .withIdleTimeout(IDLE_TIMEOUT)
                .withInFlight(RequestClass.READS, 2)
                .withInFlight(RequestClass.WAITS, 2);
        HttpRoutes routes = r -> {
            r.get("/v1/wallets/{walletId}", ctx -> {
                // Holds its thread until the test opens the latch: a slow read.
                assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
                ctx.result("read");
            });
            r.post("/v1/merchants", ctx -> ctx.result("read " + ctx.bodyAsBytes().length + " bytes"));
            r.post("/v1/wallets/{walletId}/top-ups", ctx -> {
                CompletableFuture<Void> outcome = new CompletableFuture<>();
                synchronized (waiting) {
                    waiting.add(outcome);
                }
                ctx.future(() -> outcome.thenRun(() -> ctx.result("decided")));
            });
        };
        server = LedgerHttpServer.create(HttpServerConfig.of("127.0.0.1", 0, limits), List.of(routes))
                .start();
    }

    @AfterEach
    void stop() {
        open.countDown();
        synchronized (waiting) {
            waiting.forEach(w -> w.complete(null));
        }
        server.close();
    }

    @Test
    void aReadPastItsClassBoundIsA429WithRetryAfterAndItsPlaceComesBack() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("GET", "/v1/wallets/w-1", null);
        CompletableFuture<HttpResponse<String>> second = send("GET", "/v1/wallets/w-2", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(RequestClass.READS) == 2);

        HttpResponse<String> refused = send("GET", "/v1/wallets/w-3", null).get(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = LedgerJson.mapper().readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:kleline:ledger:problem:too-many-requests");
        assertThat(problem.get("detail").asText()).contains("2 requests of class reads");
        // Other classes and the probes are not held up by the reads.
        assertThat(send("GET", "/health/live", null).get(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/v1/trial-balance", null)
                        .get(10, TimeUnit.SECONDS)
                        .statusCode())
                .isEqualTo(404);

        open.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).body()).isEqualTo("read");
        assertThat(second.get(10, TimeUnit.SECONDS).body()).isEqualTo("read");
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(RequestClass.READS) == 0);
        assertThat(send("GET", "/v1/wallets/w-3", null)
                        .get(10, TimeUnit.SECONDS)
                        .body())
                .isEqualTo("read");
    }

    @Test
    void aWaitHoldsItsPlaceUntilItsAnswerIsWrittenNotWhileItsThreadRuns() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("POST", "/v1/wallets/w-1/top-ups", "wait=5");
        CompletableFuture<HttpResponse<String>> second = send("POST", "/v1/wallets/w-1/top-ups", "wait=5");
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingCount() == 2);
        assertThat(inFlight(RequestClass.WAITS)).isEqualTo(2);

        assertThat(send("POST", "/v1/wallets/w-1/top-ups", "wait=5")
                        .get(10, TimeUnit.SECONDS)
                        .statusCode())
                .isEqualTo(429);
        // The same write without a wait is another class.
        CompletableFuture<HttpResponse<String>> plain = send("POST", "/v1/wallets/w-1/top-ups", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingCount() == 3);

        synchronized (waiting) {
            waiting.forEach(w -> w.complete(null));
        }
        assertThat(first.get(10, TimeUnit.SECONDS).body()).isEqualTo("decided");
        assertThat(second.get(10, TimeUnit.SECONDS).body()).isEqualTo("decided");
        assertThat(plain.get(10, TimeUnit.SECONDS).body()).isEqualTo("decided");
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(RequestClass.WAITS) == 0);
    }

    @Test
    void aWaitLongerThanTheIdleTimeoutIsStillAnswered() throws Exception {
        CompletableFuture<HttpResponse<String>> answer = send("POST", "/v1/wallets/w-1/top-ups", "wait=5");
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingCount() == 1);
        // Twice the idle timeout with nothing on the wire, then the outcome.
        CompletableFuture.delayedExecutor(2 * IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    synchronized (waiting) {
                        waiting.forEach(w -> w.complete(null));
                    }
                });
        HttpResponse<String> got = answer.get(10, TimeUnit.SECONDS);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("decided");
    }

    @Test
    void aClientTricklingItsHeadSlowerThanTheIdleTimeoutIsCutOff() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/wallets/w-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long began = System.nanoTime();
            InputStream in = socket.getInputStream();
            // The server closes the connection (possibly after an answer of its own): read to the end.
            in.readAllBytes();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(8));
        }
        assertThat(inFlight(RequestClass.READS)).isZero();
    }

    @Test
    void clientsTricklingTheirBodiesHoldNoThreadAndAreCutOffWhenTheyFallSilent() throws Exception {
        // More slow writers than the server has threads (16): each sends its head, then its body a byte at a time.
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write(("POST /v1/merchants HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: 100\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // While they trickle, the server still answers everyone else.
            for (int round = 0; round < 3; round++) {
                for (Socket socket : slow) {
                    socket.getOutputStream().write(' ');
                    socket.getOutputStream().flush();
                }
                HttpResponse<String> write = CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/merchants"))
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(write.body()).isEqualTo("read 2 bytes");
            }
            // Then they fall silent: each is cut off after the idle timeout (Javalin answers a bare 503 on the way).
            long began = System.nanoTime();
            for (Socket socket : slow) {
                socket.getInputStream().readAllBytes();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(IDLE_TIMEOUT.multipliedBy(4));
            await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(RequestClass.WRITES) == 0);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private int waitingCount() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private int inFlight(RequestClass kind) {
        return server.inFlight(kind);
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String prefer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        request.method(
                method,
                method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{\"amount\":1}")
                        : HttpRequest.BodyPublishers.noBody());
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
