package org.kleline.ledger.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The tests' HTTP client of a running ledger: java.net.http, as any client outside the project. A server
 * out of reach is an {@link UncheckedIOException}.
 */
public final class LedgerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, String body, HttpResponse<String> response) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Optional<SSLContext> tls;

    /** A client sending {@code apiKey} as {@code Authorization: Bearer} (none when null). */
    public LedgerClient(URI base, String apiKey) {
        this(base, apiKey, Optional.empty());
    }

    /** As above, trusting an {@code https://} server as {@code tls} says. */
    public LedgerClient(URI base, String apiKey, Optional<SSLContext> tls) {
        this.base = base;
        this.apiKey = apiKey;
        this.tls = tls;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** The admin's client of a running ledger, trusting its certificate when it serves HTTPS. */
    static LedgerClient admin(LedgerRun ledger) {
        return new LedgerClient(ledger.httpUrl(), ledger.adminKey().secret(), ledger.clientTls());
    }

    /** The same server, another key (null: none). */
    /** The key this client sends, or null. */
    public String apiKey() {
        return apiKey;
    }

    @Override
    public String toString() {
        return base.toString();
    }

    public LedgerClient withKey(String key) {
        return new LedgerClient(base, key, tls);
    }

    public Answer get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Answer post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A write with an Idempotency-Key that waits for its outcome. */
    public Answer write(String path, String body, String idempotencyKey) {
        return post(
                path, body, "Content-Type", "application/json", "Idempotency-Key", idempotencyKey, "Prefer", "wait=5");
    }

    /** The balance in EUR of an account, 0 when it has none yet. */
    long balanceEur(String account) {
        Answer answer = get("/v1/accounts/" + encode(account) + "/balances");
        if (answer.status() == 404) {
            return 0;
        }
        for (JsonNode b : answer.json()) {
            if (b.get("currency").asText().equals("EUR")) {
                return b.get("balance").asLong();
            }
        }
        return 0;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private Answer send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
