package org.kleline.ledger.projector;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.merchants.MerchantDirectoryBehindException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
        // What the task hands the thread after LogAndFail: the processor's exception as the cause of a StreamsException.
        StreamsException reported = new StreamsException("Exception caught in process", behind(), new TaskId(0, 1));

        assertThat(handler.handle(reported)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(metrics.merchantDirectoryRetries()).isEqualTo(1);
    }

    @Test
    void aDirectoryBehindDeepInTheCauseChainIsFound() {
        Throwable nested = new StreamsException(new IllegalStateException("wrapper", new RuntimeException(behind())));

        assertThat(MerchantDirectoryBehindException.in(nested)).get()
                .extracting(MerchantDirectoryBehindException::merchantId).isEqualTo("m-shop");
    }

    @Test
    void anyOtherFailureShutsTheClientDownAndIsNotCountedAsARetry() {
        StreamsException reported = new StreamsException("Exception caught in process",
                new IllegalStateException("merchant directory is full"), new TaskId(0, 1));

        assertThat(handler.handle(reported)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(metrics.merchantDirectoryRetries()).isZero();
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
