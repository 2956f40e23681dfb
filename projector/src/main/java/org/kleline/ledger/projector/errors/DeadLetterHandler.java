package org.kleline.ledger.projector.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.kleline.ledger.model.serde.SchemaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams' deserialization exception handler for ledger.events. Only a record that would fail the
 * same way on every replay is a poison record: the deserializer's {@link SerializationException}
 * for the bytes themselves (too short, wrong magic byte, a schema id the registry answers "not
 * found" for, a writer schema the envelope cannot be read as, Avro that does not decode). It goes,
 * bytes untouched, to the dead-letter topic with headers naming the error and where it came from,
 * in the same transaction as the rest of the batch, and processing goes on; it never reaches the
 * decide stage, so it has no outcome.
 *
 * <p>Anything else is not the record's fault and answers FAIL, setting nothing aside: a schema the
 * registry could not give ({@link SchemaUnavailableException}: unreachable, timed out, 5xx, 429,
 * or a refusal such as 401), or an exception that is no SerializationException (a bug, an
 * interrupt). The stream thread stops with its transaction aborted, and the record is read again
 * from the last commit: on a new thread when the failure is transient
 * ({@code StreamThreadFailureHandler}), after a restart otherwise.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Config key under which the process's {@link ProjectorMetrics} instance is handed over. */
    public static final String METRICS_CONFIG = "ledger.projector.metrics";

    public static final String HEADER_ERROR = "ledger.dlq.error";
    public static final String HEADER_ERROR_CLASS = "ledger.dlq.error.class";
    public static final String HEADER_SOURCE_TOPIC = "ledger.dlq.source.topic";
    public static final String HEADER_SOURCE_PARTITION = "ledger.dlq.source.partition";
    public static final String HEADER_SOURCE_OFFSET = "ledger.dlq.source.offset";
    /** An error message is cut to this many characters in the header. */
    static final int ERROR_MESSAGE_CHARS_MAX = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String deadLetterTopic;
    private ProjectorMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new IllegalArgumentException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " is required by " + DeadLetterHandler.class.getSimpleName() + ", got '" + topic + "'");
        }
        this.deadLetterTopic = topic.toString();
        Object m = configs.get(METRICS_CONFIG);
        this.metrics = m instanceof ProjectorMetrics pm ? pm : null;
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Optional<SchemaUnavailableException> unavailable = SchemaUnavailableException.in(exception);
        if (unavailable.isPresent()) {
            String then = unavailable.get().isTransient()
                    ? "on a new thread, once the registry answers"
                    : "once the registry's answer is fixed and the projector restarted";
            LOG.error(
                    "record on {}-{} at offset {} not read: the schema registry did not give schema id {}; not a poison "
                            + "record, nothing set aside: the projector stops this stream thread and reads the record again from "
                            + "its last commit {}: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    unavailable.get().schemaId(),
                    then,
                    exception.toString());
            return Response.fail();
        }
        if (!(exception instanceof SerializationException)) {
            LOG.error(
                    "record on {}-{} at offset {} not read, and not because of its bytes; not a poison record, "
                            + "nothing set aside: the projector stops this stream thread",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception);
            return Response.fail();
        }
        LOG.warn(
                "poison record on {}-{} at offset {} sent to {}: {}",
                context.topic(),
                context.partition(),
                context.offset(),
                deadLetterTopic,
                exception.toString());
        if (metrics != null) {
            metrics.poisonRecord();
        }
        return Response.resume(List.of(deadLetter(record, context, exception)));
    }

    ProducerRecord<byte[], byte[]> deadLetter(
            ConsumerRecord<byte[], byte[]> record, ErrorHandlerContext context, Exception exception) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(HEADER_ERROR, utf8(message(exception)));
        headers.add(HEADER_ERROR_CLASS, utf8(exception.getClass().getName()));
        headers.add(HEADER_SOURCE_TOPIC, utf8(context.topic()));
        headers.add(HEADER_SOURCE_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(HEADER_SOURCE_OFFSET, utf8(Long.toString(context.offset())));
        // No partition given: the dead-letter topic may have any partition count.
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(deadLetterTopic, null, timestamp, record.key(), record.value(), headers);
    }

    private static String message(Exception exception) {
        StringBuilder text = new StringBuilder(exception.toString());
        for (Throwable cause = exception.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.length() <= ERROR_MESSAGE_CHARS_MAX ? text.toString() : text.substring(0, ERROR_MESSAGE_CHARS_MAX);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
