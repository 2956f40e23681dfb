package org.kleline.ledger.cli.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A call the server may answer 503 (the projector behind, a partition moving, the broker busy) or 429
 * (more requests of its kind in flight than the server takes at once): tried again after the answer's
 * {@code Retry-After}, within a budget of attempts and time, so a ledger that stays unavailable ends the
 * command with a clear line instead of hanging it.
 *
 * @param attemptsMax  calls at most, the first included
 * @param totalMax     the most time spent waiting between calls
 * @param defaultPause the pause when an answer carries no Retry-After
 */
public record RetryWhenBusy(int attemptsMax, Duration totalMax, Duration defaultPause) {

    public static final int UNAVAILABLE = 503;
    public static final int TOO_MANY_REQUESTS = 429;

    public RetryWhenBusy {
        if (attemptsMax < 1) {
            throw new IllegalArgumentException("attemptsMax must be >= 1, was " + attemptsMax);
        }
        Objects.requireNonNull(totalMax, "totalMax");
        Objects.requireNonNull(defaultPause, "defaultPause");
    }

    /** Up to 120 calls over at most 10 minutes, 1 s apart unless the server says otherwise. */
    public static RetryWhenBusy standard() {
        return new RetryWhenBusy(120, Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    /** Whether an answer says: the same request later. */
    public static boolean busy(int status) {
        return status == UNAVAILABLE || status == TOO_MANY_REQUESTS;
    }

    /** The first answer that is neither 503 nor 429; an {@link ApiFailure} naming the last when the budget is spent. */
    public LedgerApi.Answer call(Supplier<LedgerApi.Answer> request) {
        long waitedNanos = 0;
        LedgerApi.Answer answer = request.get();
        for (int attempt = 1; busy(answer.status()); attempt++) {
            Duration pause = answer.retryAfter().filter(d -> !d.isZero()).orElse(defaultPause);
            if (attempt >= attemptsMax || waitedNanos + pause.toNanos() > totalMax.toNanos()) {
                throw new ApiFailure(answer.method() + " " + answer.path() + " answered " + answer.status()
                        + " (and 503 or 429 before it) " + attempt + " times over "
                        + Duration.ofNanos(waitedNanos).toSeconds() + " s; giving up: " + answer.body());
            }
            pause(pause);
            waitedNanos += pause.toNanos();
            answer = request.get();
        }
        return answer;
    }

    private static void pause(Duration pause) {
        try {
            // The server asked for this pause (Retry-After): nothing to poll in between.
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted while waiting to retry", e);
        }
    }
}
