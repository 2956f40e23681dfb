package org.kleline.ledger.embedded.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> errorsThrownAtTheFirstAnswer() {
        return Stream.of(
                Arguments.of("any other error", new TopicAuthorizationException("denied"), TIMEOUT),
                Arguments.of(
                        "a topic still unknown when the timeout has passed",
                        new UnknownTopicOrPartitionException("never"),
                        Duration.ZERO));
    }

    @ParameterizedTest(name = "{0} is thrown at the first answer")
    @MethodSource("errorsThrownAtTheFirstAnswer")
    void anErrorNotWorthAskingAgainIsThrownAtTheFirstAnswer(String story, Exception cause, Duration timeout) {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LaggingMetadata.retryWhileUnknownTopic(
                        () -> {
                            attempts.incrementAndGet();
                            throw new ExecutionException(cause);
                        },
                        timeout,
                        NO_BACKOFF))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(cause.getClass());
        assertThat(attempts).hasValue(1);
    }
}
