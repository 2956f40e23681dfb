package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link java.net.http.HttpClient}, HTTP/1.1: one pooled keep-alive connection per concurrent request. */
final class JdkHttp implements BlockingHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpClient client() {
        return client;
    }

    @Override
    public Answer send(BenchRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.toHttpRequest(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public String name() {
        return "java.net.http";
    }
}
