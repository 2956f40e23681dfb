package org.kleline.ledger.cli.lifecycle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Waits until the projector's Streams instance is RUNNING (its views queryable, which is when
 * {@code GET /health} turns 200), so the addresses are printed when they answer.
 */
public final class StreamsReadiness {

    private static final long POLL_MS = 50;

    private StreamsReadiness() {}

    /** Returns once RUNNING; a {@link StartupFailure} if the instance failed or {@code timeout} passed. */
    public static void await(KafkaStreams streams, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            State state = streams.state();
            if (state == State.RUNNING) {
                return;
            }
            if (state == State.ERROR
                    || state == State.PENDING_ERROR
                    || state == State.NOT_RUNNING
                    || state == State.PENDING_SHUTDOWN) {
                throw new StartupFailure(
                        "the projector stopped while starting (state " + state + "); see the log lines above");
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailure(
                        "the projector was not running after " + timeout.toSeconds() + " s (state " + state + ")");
            }
            try {
                // A poll: Streams allows one state listener, and the projector owns it.
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure("interrupted while waiting for the projector", e);
            }
        }
    }
}
