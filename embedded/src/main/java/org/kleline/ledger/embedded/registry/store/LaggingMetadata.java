package org.kleline.ledger.embedded.registry.store;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks a broker about a topic the controller has confirmed, until the broker knows it too. In
 * KRaft the controller answers CreateTopics (or TopicExists) from the metadata log, while the
 * broker answering a DescribeTopics applies that log a moment later and meanwhile says
 * UNKNOWN_TOPIC_OR_PARTITION: seen on a loaded build machine when the registry described the
 * {@code _schemas} topic it had just created, failing the start. Other errors are not retried.
 */
final class LaggingMetadata {

    /** One Admin call: its future's {@code get}, throwing what the broker answered. */
    @FunctionalInterface
    interface Request<T> {
        T get() throws ExecutionException, InterruptedException, TimeoutException;
    }

    private LaggingMetadata() {}

    /**
     * {@code request}'s answer, asked again after {@code backoff} for as long as it is "unknown
     * topic" and {@code timeout} has not passed; then the last answer is thrown.
     */
    static <T> T retryWhileUnknownTopic(Request<T> request, Duration timeout, Duration backoff)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return request.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() - deadlineNanos >= 0) {
                    throw e;
                }
            }
            Thread.sleep(backoff.toMillis());
        }
    }
}
