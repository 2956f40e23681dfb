package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    private final AdminHttp admin;

    BulkHttpIngest(AdminHttp admin) {
        this.admin = admin;
    }

    /** Sends every body and returns the wall time; fails on the first answer that is not a full acceptance. */
    Duration send(List<BulkRequest> bodies, int connections) throws InterruptedException {
        ConcurrentLinkedQueue<BulkRequest> queue = new ConcurrentLinkedQueue<>(bodies);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long startNs = System.nanoTime();
        SenderThreads.runAll(connections, "bulk-ingest", () -> {
            BulkRequest body;
            while (failure.get() == null && (body = queue.poll()) != null) {
                try {
                    post(body);
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException("bulk append failed: " + e, e));
                }
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return Duration.ofNanos(System.nanoTime() - startNs);
    }

    void post(BulkRequest body) throws IOException, InterruptedException {
        HttpRequest request = admin.request("/v1/events")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
                .build();
        HttpResponse<String> response = admin.client().send(request, HttpResponse.BodyHandlers.ofString());
        String expected = "{\"accepted\":" + body.lines() + "}";
        if (response.statusCode() != 200 || !response.body().equals(expected)) {
            throw new IllegalStateException("POST /v1/events of " + body.lines() + " lines answered "
                    + response.statusCode() + " " + response.body());
        }
    }
}
