package org.kleline.ledger.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.simulator.bulk.BulkRequest;
import org.kleline.ledger.simulator.bulk.BulkSender;

/**
 * Sends bulk requests as {@code POST /v1/events} (NDJSON) and holds each answer to what it must be:
 * {@code 200 {"accepted": lines}}, or for a line broken on purpose (sent alone) a 400 naming line 1.
 * Any other answer stops the run: a 400 of a good request as {@link BulkRefused}, the rest as
 * {@link ApiFailure}. A 503 is retried ({@link RetryWhenBusy}): the append is all or nothing.
 */
final class BulkPoster implements BulkSender {

    static final String PATH = "/v1/events";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/x-ndjson");
    private static final int LINE_SHOWN_MAX = 300;

    private final LedgerApi api;
    private final RetryWhenBusy retry;
    private long requests;
    private long linesAccepted;
    private long linesRefused;

    BulkPoster(LedgerApi api, RetryWhenBusy retry) {
        this.api = api;
        this.retry = retry;
    }

    @Override
    public void send(BulkRequest request) {
        LedgerApi.Answer answer = retry.call(() -> api.postBytes(PATH, request.body(), HEADERS));
        requests++;
        if (request.refusalExpected()) {
            if (answer.status() == 400 && answer.json().path("line").asInt() == 1) {
                linesRefused++;
                return;
            }
            throw new ApiFailure("POST " + PATH + " answered " + answer.status() + " to a line broken on purpose "
                    + "(a 400 was expected): " + lineOf(request, 1));
        }
        if (answer.status() == 200) {
            long accepted = answer.json().path("accepted").asLong(-1);
            if (accepted != request.lines()) {
                throw new ApiFailure("POST " + PATH + " accepted " + accepted + " of " + request.lines() + " lines: "
                        + answer.body());
            }
            linesAccepted += accepted;
            return;
        }
        if (answer.status() == 400) {
            JsonNode problem = answer.json();
            int line = problem.path("line").asInt(0);
            String field = problem.path("field").asText("");
            throw new BulkRefused(
                    line,
                    problem.path("detail").asText(answer.body()) + (field.isEmpty() ? "" : " (field " + field + ")")
                            + ": " + lineOf(request, line));
        }
        throw new ApiFailure("POST " + PATH + " answered " + answer.status() + ": " + answer.body());
    }

    long requests() {
        return requests;
    }

    long linesAccepted() {
        return linesAccepted;
    }

    long linesRefused() {
        return linesRefused;
    }

    /** The request's line {@code number} (1-based), cut to a readable length; empty when out of range. */
    static String lineOf(BulkRequest request, int number) {
        byte[] body = request.body();
        int start = 0;
        for (int n = 1; n < number && start < body.length; n++) {
            while (start < body.length && body[start] != '\n') {
                start++;
            }
            start++;
        }
        if (number < 1 || start >= body.length) {
            return "";
        }
        int end = start;
        while (end < body.length && body[end] != '\n') {
            end++;
        }
        String line = new String(body, start, end - start, StandardCharsets.UTF_8);
        return line.length() <= LINE_SHOWN_MAX ? line : line.substring(0, LINE_SHOWN_MAX) + "...";
    }
}
