package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/**
 * {@link HttpURLConnection} with the JDK's keep-alive cache: a thread reuses its idle connection when
 * it has read the whole answer. The cache keeps {@code http.maxConnections} idle connections per
 * server (5 unless set): the benchmark raises it before the first request, so no load reconnects.
 */
final class UrlConnectionHttp implements BlockingHttp {

    static final String MAX_IDLE_CONNECTIONS = "512";

    UrlConnectionHttp() {
        System.setProperty("http.maxConnections", MAX_IDLE_CONNECTIONS);
    }

    @Override
    public Answer send(BenchRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        connection.setRequestMethod(request.method());
        connection.setConnectTimeout((int) BenchRequest.TIMEOUT.toMillis());
        connection.setReadTimeout((int) BenchRequest.TIMEOUT.toMillis());
        request.headers().forEach(connection::setRequestProperty);
        if (request.body() != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(request.body().length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request.body());
            }
        }
        int status = connection.getResponseCode();
        // The whole body read and the stream closed: only then does the connection go back to the cache.
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, body);
        }
    }

    @Override
    public String name() {
        return "HttpURLConnection";
    }
}
