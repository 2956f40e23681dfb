package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the projector has decided every event appended so far, with the product's own
 * catch-up barrier: {@code GET /v1/settlements/{date}?caughtUp=true} answers 200 only once every
 * event appended before the request is applied, and 503 when the projector is still behind after
 * its 30 s bound (then it is asked again).
 */
final class DecidedBarrier {

    private final AdminHttp admin;

    DecidedBarrier(AdminHttp admin) {
        this.admin = admin;
    }

    /** Returns how long the wait took; fails once {@code timeout} passes. */
    Duration await(Duration timeout) throws IOException, InterruptedException {
        long startNs = System.nanoTime();
        long deadlineNs = startNs + timeout.toNanos();
        HttpRequest request =
                admin.request("/v1/settlements/1999-01-01?caughtUp=true").GET().build();
        int status = 0;
        while (System.nanoTime() < deadlineNs) {
            status = admin.client()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                return Duration.ofNanos(System.nanoTime() - startNs);
            }
            if (status != 503) {
                throw new IllegalStateException("the catch-up barrier answered " + status);
            }
        }
        throw new IllegalStateException(
                "the projector had not decided every event within " + timeout + " (last answer " + status + ")");
    }
}
