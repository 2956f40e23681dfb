package org.kleline.ledger.bench.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The ledger's HTTP API as the bench's setup calls it, with the admin key of {@code ledger run}: the appends and the
 * catch-up barrier around the measured loads.
 */
record AdminHttp(HttpClient client, URI api, String apiKey) {

    /** A request to {@code path}, authorised as the admin, given up after 60 s. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path))
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(60));
    }
}
