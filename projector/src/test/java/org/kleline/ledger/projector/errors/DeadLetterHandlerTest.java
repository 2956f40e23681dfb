package org.kleline.ledger.projector.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.InMemorySchemaRegistry;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.serde.SchemaRegistryUnreachableException;
import org.kleline.ledger.model.serde.SchemaUnavailableException;
import org.kleline.ledger.model.topics.Topics;

class DeadLetterHandlerTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithWhereItCameFromAndProcessingGoesOn() {
        try (ProjectorMetrics metrics = new ProjectorMetrics("dlq-test")) {
            DeadLetterHandler handler = handler(metrics);
            ConsumerRecord<byte[], byte[]> poison = walletRecord(3, 17L, new byte[] {9, 9, 9});

            DeserializationExceptionHandler.Response response = handler.handleError(
                    context("ledger.events", 3, 17L), poison, new SerializationException("unknown magic byte 9"));

            assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
            assertThat(response.deadLetterQueueRecords()).hasSize(1);
            ProducerRecord<byte[], byte[]> dead =
                    response.deadLetterQueueRecords().get(0);
            assertThat(dead.topic()).isEqualTo("ledger.events.dlq");
            assertThat(dead.key()).isEqualTo(poison.key());
            assertThat(dead.value()).isEqualTo(poison.value());
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_SOURCE_TOPIC))
                    .isEqualTo("ledger.events");
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_SOURCE_PARTITION))
                    .isEqualTo("3");
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_SOURCE_OFFSET))
                    .isEqualTo("17");
            assertThat(header(dead.headers(), DeadLetterHandler.HEADER_ERROR))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException: unknown magic byte 9");
            assertThat(metrics.poisonRecords()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownSchemaIdAsTheDeserializerReportsItIsAPoisonRecord() {
        String scope = "dlq-unknown-id-" + UUID.randomUUID();
        try (ProjectorMetrics metrics = new ProjectorMetrics("dlq-test-unknown-id")) {
            DeadLetterHandler handler = handler(metrics);
            byte[] unknownSchemaId = {0, 0, 0, 0x10, (byte) 0x92, 2, 4};
            Exception reported = deserializationFailure(scope, unknownSchemaId);
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                    "ledger.events", 1, 5L, "wallet:w1".getBytes(StandardCharsets.UTF_8), unknownSchemaId);

            DeserializationExceptionHandler.Response response =
                    handler.handleError(context("ledger.events", 1, 5L), record, reported);

            assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
            assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
                assertThat(dead.topic()).isEqualTo("ledger.events.dlq");
                assertThat(dead.value()).isEqualTo(unknownSchemaId);
                assertThat(header(dead.headers(), DeadLetterHandler.HEADER_ERROR))
                        .contains("Unknown schema id 4242")
                        .contains("HTTP 404");
            });
            assertThat(metrics.poisonRecords()).isEqualTo(1);
        } finally {
            InMemorySchemaRegistry.dropScope(scope);
        }
    }

    @Test
    void aSchemaTheRegistryCouldNotGiveFailsWithNothingSetAsideTransientOrNot() {
        try (ProjectorMetrics metrics = new ProjectorMetrics("dlq-test-unavailable")) {
            DeadLetterHandler handler = handler(metrics);
            ConsumerRecord<byte[], byte[]> valid = walletRecord(2, 9L, new byte[] {0, 0, 0, 0, 1, 2});
            List<Exception> failures = List.of(
                    unavailable(true, new SchemaRegistryException("GET /schemas/ids/1", 503, 50301, "unavailable")),
                    unavailable(
                            true,
                            new SchemaRegistryUnreachableException(
                                    "Schema registry unreachable", new ConnectException("Connection refused"))),
                    unavailable(false, new SchemaRegistryException("GET /schemas/ids/1", 401, 40101, "Unauthorized")),
                    // As the key or value deserializer of another layer might wrap it.
                    new SerializationException(
                            "wrapped",
                            unavailable(
                                    true,
                                    new SchemaRegistryException("GET /schemas/ids/1", 429, 429, "Too Many Requests"))));

            for (Exception failure : failures) {
                DeserializationExceptionHandler.Response response =
                        handler.handleError(context("ledger.events", 2, 9L), valid, failure);

                assertThat(response.result())
                        .as(failure.toString())
                        .isEqualTo(DeserializationExceptionHandler.Result.FAIL);
                assertThat(response.deadLetterQueueRecords()).isEmpty();
            }
            assertThat(metrics.poisonRecords()).isZero();
        }
    }

    @Test
    void aFailureThatIsNoSerializationExceptionIsNotTheRecordsFaultAndFails() {
        try (ProjectorMetrics metrics = new ProjectorMetrics("dlq-test-bug")) {
            DeadLetterHandler handler = handler(metrics);
            ConsumerRecord<byte[], byte[]> record = walletRecord(0, 3L, new byte[] {0, 0, 0, 0, 1, 2});

            for (Exception failure : List.of(
                    new IllegalStateException("SpecificAvroDeserializer is not configured"),
                    new InterruptException("interrupted while fetching a schema"))) {
                DeserializationExceptionHandler.Response response =
                        handler.handleError(context("ledger.events", 0, 3L), record, failure);

                assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
                assertThat(response.deadLetterQueueRecords()).isEmpty();
            }
            assertThat(metrics.poisonRecords()).isZero();
        }
    }

    @Test
    void theDeadLetterTopicMustBeConfigured() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of()))
                .hasMessageContaining(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    }

    /** A record of ledger.events keyed by wallet w1, at {@code partition} and {@code offset}. */
    private static ConsumerRecord<byte[], byte[]> walletRecord(int partition, long offset, byte[] value) {
        return new ConsumerRecord<>(
                "ledger.events", partition, offset, "wallet:w1".getBytes(StandardCharsets.UTF_8), value);
    }

    private static DeadLetterHandler handler(ProjectorMetrics metrics) {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                "ledger.events.dlq",
                DeadLetterHandler.METRICS_CONFIG,
                metrics));
        return handler;
    }

    /** What the projector's own deserializer throws for {@code bytes}, its registry the mock of {@code scope}. */
    private static Exception deserializationFailure(String scope, byte[] bytes) {
        Deserializer<EventEnvelope> deserializer = Topics.create(Map.of("schema.registry.url", "mock://" + scope))
                .events()
                .valueSerde()
                .deserializer();
        Throwable thrown = catchThrowable(() -> deserializer.deserialize("ledger.events", bytes));
        assertThat(thrown).isInstanceOf(SerializationException.class);
        return (Exception) thrown;
    }

    private static SchemaUnavailableException unavailable(boolean transientFailure, RuntimeException cause) {
        return new SchemaUnavailableException(
                "Could not fetch schema id 1: " + cause.getMessage(), cause, 1, transientFailure);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context(String topic, int partition, long offset) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "source";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, partition);
            }

            @Override
            public long timestamp() {
                return 0L;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
