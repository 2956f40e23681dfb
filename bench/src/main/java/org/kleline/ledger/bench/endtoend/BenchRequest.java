package org.kleline.ledger.bench.endtoend;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * One request of a load, whichever client sends it.
 *
 * @param body null for a GET
 */
record BenchRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static BenchRequest get(URI uri) {
        return new BenchRequest("GET", uri, Map.of(), null);
    }

    HttpRequest toHttpRequest() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        headers.forEach(builder::header);
        return body == null
                ? builder.GET().build()
                : builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
    }
}
