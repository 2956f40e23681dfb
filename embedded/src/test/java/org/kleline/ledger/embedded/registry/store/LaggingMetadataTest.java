package org.kleline.ledger.embedded.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class LaggingMetadataTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NO_BACKOFF = Duration.ZERO;

    @Test
    void anUnknownTopicIsAskedAboutAgainUntilTheBrokerKnowsIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String answer = LaggingMetadata.retryWhileUnknownTopic(
                () -> {
                    if (attempts.incrementAndGet() <= 2) {
                        throw new ExecutionException(new UnknownTopicOrPartitionException("not yet"));
                    }
                    return "1 partition";
                },
                TIMEOUT,
                NO_BACKOFF);

        assertThat(answer).isEqualTo("1 partition");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherErrorIsThrownAtTheFirstAnswer() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LaggingMetadata.retryWhileUnknownTopic(
                        () -> {
                            attempts.incrementAndGet();
                            throw new ExecutionException(new TopicAuthorizationException("denied"));
                        },
                        TIMEOUT,
                        NO_BACKOFF))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTopicStillUnknownWhenTheTimeoutHasPassedIsThrown() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LaggingMetadata.retryWhileUnknownTopic(
                        () -> {
                            attempts.incrementAndGet();
                            throw new ExecutionException(new UnknownTopicOrPartitionException("never"));
                        },
                        Duration.ZERO,
                        NO_BACKOFF))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThat(attempts).hasValue(1);
    }
}
