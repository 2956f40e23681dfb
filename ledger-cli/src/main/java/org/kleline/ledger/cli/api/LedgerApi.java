package org.kleline.ledger.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;

/**
 * A plain HTTP client of the ledger's own API (docs/api.md), as any client outside the project would call
 * it: {@code java.net.http}, JSON bodies, the status code left for the caller to judge. A server out
 * of reach is an {@link ApiFailure} naming the URL.
 */
public final class LedgerApi {

    public static final String DEFAULT_URL = "http://localhost:8080";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Above the longest answer asked for: a bulk append of 10,000 lines, a settle waiting for the projector. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer; {@link #json()} parses the body. */
    public record Answer(String method, String path, int status, String body, Optional<Duration> retryAfter) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new ApiFailure(
                        method + " " + path + " answered " + status + " with a body that is not JSON: "
                                + abbreviated(body),
                        e);
            }
        }

        public Answer expect(int expected) {
            if (status != expected) {
                if (status == 401 || status == 403) {
                    throw new ApiFailure(method + " " + path + " answered " + status + ": " + abbreviated(body)
                            + " (give an API key whose role may make this call: --api-key or LEDGER_API_KEY)");
                }
                throw new ApiFailure(method + " " + path + " answered " + status + " (expected " + expected + "): "
                        + abbreviated(body));
            }
            return this;
        }

        private static String abbreviated(String text) {
            return text.length() <= 500 ? text : text.substring(0, 500) + "...";
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Optional<String> apiKey;

    /** Without an API key: only {@code GET /health} answers (tests of the refusals). */
    public LedgerApi(URI base) {
        this(base, Optional.empty());
    }

    /** @param apiKey sent as {@code Authorization: Bearer <key>} with every request */
    public LedgerApi(URI base, Optional<String> apiKey) {
        this(base, apiKey, Optional.empty());
    }

    /** As above; an {@code https://} server is trusted as {@code tls} says (the JVM's trust store when empty). */
    public LedgerApi(URI base, Optional<String> apiKey, Optional<SSLContext> tls) {
        this.apiKey = apiKey;
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1);
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
        if (base == null
                || base.getScheme() == null
                || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                || base.getHost() == null) {
            throw new IllegalArgumentException(
                    "--api-url must be an http(s) URL such as " + DEFAULT_URL + ", got '" + base + "'");
        }
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), "GET", path);
    }

    /** A GET that does not block: for the many reads of an audit, a bounded number at a time. */
    public CompletableFuture<Answer> getAsync(String path) {
        return sendAsync(HttpRequest.newBuilder(base.resolve(path)).GET(), "GET", path);
    }

    /** A POST that does not block: for bulk reads sent a bounded number at a time. */
    public CompletableFuture<Answer> postAsync(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return sendAsync(request, "POST", path);
    }

    private HttpRequest build(HttpRequest.Builder request) {
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return request.timeout(REQUEST_TIMEOUT).build();
    }

    private CompletableFuture<Answer> sendAsync(HttpRequest.Builder request, String method, String path) {
        return http.sendAsync(build(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        throw unreachable(method, path, cause);
                    }
                    return answer(method, path, response);
                });
    }

    public Answer post(String path, String body, Map<String, String> headers) {
        return postBytes(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Answer postBytes(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request, "POST", path);
    }

    /** {@code segment} encoded for a path: account ids hold ':', event ids may hold '.'. */
    public static String segment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer send(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response =
                    http.send(build(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return answer(method, path, response);
        } catch (IOException e) {
            throw unreachable(method, path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure(method + " " + path + " interrupted", e);
        }
    }

    private static Answer answer(String method, String path, HttpResponse<String> response) {
        Optional<Duration> retryAfter =
                response.headers().firstValue("Retry-After").flatMap(LedgerApi::seconds);
        return new Answer(method, path, response.statusCode(), response.body(), retryAfter);
    }

    private ApiFailure unreachable(String method, String path, Throwable cause) {
        return new ApiFailure(
                "the ledger's HTTP API at " + base + " did not answer " + method + " " + path
                        + " (is it running? --api-url): " + cause,
                cause);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long value = Long.parseLong(header.trim());
            return value >= 0 ? Optional.of(Duration.ofSeconds(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            // An HTTP date: the ledger never sends one; the caller's own pause applies.
            return Optional.empty();
        }
    }
}
