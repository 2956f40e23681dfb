package org.kleline.ledger.projector.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithWhereItCameFromAndProcessingGoesOn() {
        try (ProjectorMetrics metrics = new ProjectorMetrics("dlq-test")) {
            DeadLetterHandler handler = new DeadLetterHandler();
            handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "ledger.events.dlq",
                    DeadLetterHandler.METRICS_CONFIG, metrics));
            ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("ledger.events", 3, 17L,
                    "wallet:w1".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9, 9});

            DeserializationExceptionHandler.Response response = handler.handleError(context("ledger.events", 3, 17L),
                    poison, new SerializationException("unknown magic byte 9"));

            assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
            assertThat(response.deadLetterQueueRecords()).hasSize(1);
            ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
            assertThat(dead.topic()).isEqualTo("ledger.events.dlq");
            assertThat(dead.key()).isEqualTo(poison.key());
            assertThat(dead.value()).isEqualTo(poison.value());
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_SOURCE_TOPIC)).isEqualTo("ledger.events");
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_SOURCE_PARTITION)).isEqualTo("3");
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_SOURCE_OFFSET)).isEqualTo("17");
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_ERROR))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException: unknown magic byte 9");
            assertThat(metrics.poisonRecords()).isEqualTo(1);
        }
    }

    @Test
    void theDeadLetterTopicMustBeConfigured() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of()))
                .hasMessageContaining(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context(String topic, int partition, long offset) {
        return new ErrorHandlerContext() {
            @Override public String topic() { return topic; }
            @Override public int partition() { return partition; }
            @Override public long offset() { return offset; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "source"; }
            @Override public TaskId taskId() { return new TaskId(0, partition); }
            @Override public long timestamp() { return 0L; }
            @Override public byte[] sourceRawKey() { return null; }
            @Override public byte[] sourceRawValue() { return null; }
        };
    }
}
