package org.kleline.ledger.model.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for a schema registry on a free loopback port: each "METHOD /raw/path" gets
 * the answers queued for it, in order, and every request is recorded as it arrived.
 */
final class FakeRegistryServer implements AutoCloseable {

    record Request(String method, String rawPath, String contentType, String accept, String body) {}

    private record Answer(int status, String body, boolean hang) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseHungRequests = new CountDownLatch(1);

    FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one answer to "METHOD path". */
    FakeRegistryServer answer(String methodAndPath, int status, String body) {
        script.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(status, body, false));
        return this;
    }

    /** Queues an answer that never comes (until the server closes). */
    FakeRegistryServer hang(String methodAndPath) {
        script.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(0, "", true));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String methodAndPath =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"),
                body));
        Deque<Answer> answers = script.get(methodAndPath);
        Answer answer;
        synchronized (this) {
            answer = answers == null ? null : answers.poll();
        }
        if (answer == null) {
            answer = new Answer(
                    500, "{\"error_code\":50001,\"message\":\"unscripted request " + methodAndPath + "\"}", false);
        }
        if (answer.hang()) {
            try {
                releaseHungRequests.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releaseHungRequests.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
