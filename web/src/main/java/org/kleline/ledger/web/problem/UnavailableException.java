package org.kleline.ledger.web.problem;

import java.time.Duration;
import java.util.Map;

/**
 * A dependency (the broker, a store) cannot serve the request now: 503 with {@code Retry-After} in
 * whole seconds, so a client retries instead of assuming the write was dropped or done.
 */
public final class UnavailableException extends ProblemException {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    public UnavailableException(String detail) {
        this(detail, DEFAULT_RETRY_AFTER, null);
    }

    public UnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(
                Problem.of(ProblemType.UNAVAILABLE, detail),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))),
                cause);
    }
}
