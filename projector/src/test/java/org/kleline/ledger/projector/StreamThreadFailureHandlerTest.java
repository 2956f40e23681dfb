package org.kleline.ledger.projector;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.serde.SchemaUnavailableException;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.merchants.MerchantDirectoryBehindException;

class StreamThreadFailureHandlerTest {

    private final ProjectorMetrics metrics = new ProjectorMetrics("stream-thread-failure-handler-test");
    private final StreamThreadFailureHandler handler = new StreamThreadFailureHandler(metrics);

    @AfterEach
    void tearDown() {
        metrics.close();
    }

    private static MerchantDirectoryBehindException behind() {
        return new MerchantDirectoryBehindException("m-shop", 17, 2, 12, 10_000);
    }

    @Test
    void aDirectoryBehindAsStreamsReportsItReplacesTheThreadAndIsCounted() {
        // What the task hands the thread after LogAndFail: the processor's exception as the cause of a
        // StreamsException.
        StreamsException reported = new StreamsException("Exception caught in process", behind(), new TaskId(0, 1));

        assertThat(handler.handle(reported)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(metrics.merchantDirectoryRetries()).isEqualTo(1);
    }

    @Test
    void aDirectoryBehindDeepInTheCauseChainIsFound() {
        Throwable nested = new StreamsException(new IllegalStateException("wrapper", new RuntimeException(behind())));

        assertThat(MerchantDirectoryBehindException.in(nested))
                .get()
                .extracting(e -> e.behind().merchantId())
                .isEqualTo("m-shop");
    }

    private static SchemaUnavailableException unavailable(int httpStatus, boolean transientFailure) {
        return new SchemaUnavailableException(
                "Could not fetch schema id 1 for a payload of 25 bytes from topic " + "'ledger.events'",
                new SchemaRegistryException("GET /schemas/ids/1", httpStatus, httpStatus, "answer"),
                1,
                transientFailure);
    }

    /** What a stream thread dies of once the dead-letter handler answered FAIL for a record it could not read. */
    private static StreamsException deserializationFailed(Exception cause) {
        return new StreamsException(
                "Deserialization exception handler is set to fail upon a deserialization error.",
                cause,
                new TaskId(0, 2));
    }

    @Test
    void aRegistryThatCouldNotAnswerForNowReplacesTheThreadAndIsCounted() {
        assertThat(handler.handle(deserializationFailed(unavailable(503, true))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(handler.handle(deserializationFailed(unavailable(503, true))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);

        assertThat(metrics.schemaRegistryRetries()).isEqualTo(2);
        assertThat(metrics.merchantDirectoryRetries()).isZero();
    }

    @Test
    void aRegistryRefusalThatNeedsAPersonShutsTheClientDown() {
        assertThat(handler.handle(deserializationFailed(unavailable(401, false))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(metrics.schemaRegistryRetries()).isZero();
    }

    @Test
    void aDirectoryBehindWrappedWithTheEventsContextStillReplacesTheThread() {
        // DecideProcessor wraps what deciding throws with the event's id, partition and offset.
        StreamsException reported = new StreamsException(
                "Exception caught in process",
                new IllegalStateException(
                        "deciding event pay of wallet:w-1 (partition 1 offset 7 of ledger.events) failed", behind()),
                new TaskId(0, 1));

        assertThat(handler.handle(reported)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(metrics.merchantDirectoryRetries()).isEqualTo(1);
    }

    @Test
    void anyOtherFailureShutsTheClientDownAndIsNotCountedAsARetry() {
        StreamsException reported = new StreamsException(
                "Exception caught in process",
                new IllegalStateException("merchant directory is full"),
                new TaskId(0, 1));

        assertThat(handler.handle(reported)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(metrics.merchantDirectoryRetries()).isZero();
        assertThat(metrics.schemaRegistryRetries()).isZero();
    }

    @Test
    void aCauseChainWithACycleEndsWithoutAMatch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(MerchantDirectoryBehindException.in(a)).isEmpty();
        assertThat(handler.handle(a)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
