package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.kleline.ledger.simulator.bulk.BulkRequest;

/**
 * {@code POST /v1/events} of every body, from {@code connections} threads each sending its next body
 * once the previous is answered; every answer must be {@code {"accepted": lines}}. Events per second
 * are lines over the wall time from the first send to the last answer.
 */
final class BulkHttpIngest {

    private final HttpClient client;
    private final URI api;
    private final String authorization;

    BulkHttpIngest(HttpClient client, URI api, String apiKey) {
        this.client = client;
        this.api = api;
        this.authorization = "Bearer " + apiKey;
    }

    /** Sends every body and returns the wall time; fails on the first answer that is not a full acceptance. */
    Duration send(List<BulkRequest> bodies, int connections) throws InterruptedException {
        ConcurrentLinkedQueue<BulkRequest> queue = new ConcurrentLinkedQueue<>(bodies);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long startNs = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(
                    () -> {
                        BulkRequest body;
                        while (failure.get() == null && (body = queue.poll()) != null) {
                            try {
                                post(body);
                            } catch (IOException | RuntimeException e) {
                                failure.compareAndSet(null, new IllegalStateException("bulk append failed: " + e, e));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    },
                    "bulk-ingest-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return Duration.ofNanos(System.nanoTime() - startNs);
    }

    void post(BulkRequest body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/events"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String expected = "{\"accepted\":" + body.lines() + "}";
        if (response.statusCode() != 200 || !response.body().equals(expected)) {
            throw new IllegalStateException("POST /v1/events of " + body.lines() + " lines answered "
                    + response.statusCode() + " " + response.body());
        }
    }
}
