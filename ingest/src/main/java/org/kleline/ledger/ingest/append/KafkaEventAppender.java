package org.kleline.ledger.ingest.append;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * Appends to {@code ledger.events}: single events through one idempotent producer (acks=all), bulk
 * batches through {@link TransactionalAppends}. An event whose outcome may depend on a merchant of
 * another key is first stamped with the log's end offsets ({@link LogEnds}), asked after the request
 * arrived: the cross-key rule counts the merchant events below them. Every failure to get an
 * acknowledgement (or the end offsets) in time becomes an {@link UnavailableException}.
 */
public final class KafkaEventAppender implements EventAppender {

    private final String topic;
    private final Producer<String, EventEnvelope> producer;
    private final TransactionalAppends transactions;
    private final LogEnds logEnds;
    private final long ackTimeoutMs;
    private final AutoCloseable watched;
    private volatile boolean closed;

    public KafkaEventAppender(
            String topic,
            Producer<String, EventEnvelope> producer,
            TransactionalAppends transactions,
            LogEnds logEnds,
            long ackTimeoutMs) {
        this(topic, producer, transactions, logEnds, ackTimeoutMs, ProducerWatch.NONE);
    }

    private KafkaEventAppender(
            String topic,
            Producer<String, EventEnvelope> producer,
            TransactionalAppends transactions,
            LogEnds logEnds,
            long ackTimeoutMs,
            ProducerWatch watch) {
        this.watched = watch.watch(producer);
        this.topic = topic;
        this.producer = producer;
        this.transactions = transactions;
        this.logEnds = logEnds;
        this.ackTimeoutMs = ackTimeoutMs;
    }

    /**
     * The appender of a running ingest.
     *
     * @param base                  client settings (bootstrap.servers, schema.registry.url, overrides)
     * @param valueSerializer       the Avro EventEnvelope serializer, configured
     * @param transactionalIdPrefix unique to this ingest instance; bulk producers are {@code prefix-0..n-1}
     * @param bulkProducers         how many bulk transactions may run at once
     * @param watch                 follows every producer made (the single one and each bulk one)
     */
    public static KafkaEventAppender create(
            String topic,
            Map<String, Object> base,
            Serializer<EventEnvelope> valueSerializer,
            String transactionalIdPrefix,
            int bulkProducers,
            ProducerWatch watch) {
        Map<String, Object> single = ProducerSettings.idempotent(base);
        Producer<String, EventEnvelope> producer = new KafkaProducer<>(single, new StringSerializer(), valueSerializer);
        LogEnds logEnds = AdminLogEnds.create(topic, base);
        TransactionalAppends transactions = new TransactionalAppends(
                topic,
                bulkProducers,
                slot -> new KafkaProducer<>(
                        ProducerSettings.transactional(base, transactionalIdPrefix + "-" + slot),
                        new StringSerializer(),
                        valueSerializer),
                logEnds,
                watch);
        return new KafkaEventAppender(
                topic, producer, transactions, logEnds, ProducerSettings.deliveryTimeoutMs(single), watch);
    }

    /**
     * Whether appends can be made: not closed, and the producer knows the partitions of the topic (from its
     * metadata cache; asked of the brokers, within {@code max.block.ms}, only when it has none).
     */
    public boolean ready() {
        if (closed) {
            return false;
        }
        try {
            return !producer.partitionsFor(topic).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public CompletableFuture<Void> append(KeyedEvent event) {
        if (!event.needsAppendedAfter()) {
            return send(event);
        }
        return logEnds.afterNow().thenCompose(ends -> send(event.appendedAfter(ends)));
    }

    private CompletableFuture<Void> send(KeyedEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, event.key(), event.envelope()), (metadata, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(unavailable(event, error));
                }
            });
        } catch (RuntimeException e) {
            // send() itself fails when metadata or buffer space is not had within max.block.ms, or the value
            // cannot be serialized (the schema registry is down).
            acked.completeExceptionally(unavailable(event, e));
        }
        // The producer's own delivery timeout ends every send; this only guards against a lost callback.
        return acked.orTimeout(ackTimeoutMs + 1_000, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        error instanceof TimeoutException ? unavailable(event, error) : error));
    }

    /**
     * Makes every bulk producer now and initializes its transactions, rather than on the first bulk append:
     * with the {@code transactional.id}s of an instance's previous run, that fences (aborts) a transaction
     * the run left open when it crashed, which {@code read_committed} readers would otherwise wait behind.
     */
    public void initTransactions() {
        transactions.initAll();
    }

    @Override
    public CompletableFuture<Void> appendAll(List<KeyedEvent> events) {
        return transactions.append(events);
    }

    @Override
    public void close() {
        closed = true;
        ProducerWatch.release(watched);
        transactions.close();
        producer.close(Duration.ofSeconds(5));
        logEnds.close();
    }

    private static UnavailableException unavailable(KeyedEvent event, Throwable error) {
        if (error instanceof UnavailableException u) {
            return u;
        }
        return new UnavailableException(
                "event '" + event.eventId() + "' was not acknowledged by the log: "
                        + error.getClass().getSimpleName() + ": " + error.getMessage(),
                Duration.ofSeconds(2),
                error);
    }
}
