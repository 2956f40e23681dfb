package org.kleline.ledger.ingest.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kleline.ledger.outcomes.EventOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ledger.outcomes} and completes the {@link PendingOutcomes} waits. One consumer for the
 * whole ingest process: it is assigned every partition (no group, nothing committed: each ingest needs
 * all outcomes from now on, none from before), reads committed records only (the projector writes
 * outcomes in its exactly-once transactions), and is positioned at the end before {@link #start()}
 * returns, so every outcome of a write accepted afterwards is read.
 */
public final class OutcomeWaiter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWaiter.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Consumer<String, EventOutcome> consumer;
    private final PendingOutcomes pending;
    private final Duration startTimeout;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    public OutcomeWaiter(
            String topic, Consumer<String, EventOutcome> consumer, PendingOutcomes pending, Duration startTimeout) {
        this.topic = topic;
        this.consumer = consumer;
        this.pending = pending;
        this.startTimeout = startTimeout;
    }

    /**
     * @param base                client settings (bootstrap.servers, schema.registry.url, overrides)
     * @param valueDeserializer   the Avro EventOutcome deserializer, configured
     */
    public static OutcomeWaiter create(
            String topic,
            Map<String, Object> base,
            Deserializer<EventOutcome> valueDeserializer,
            PendingOutcomes pending,
            Duration startTimeout) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-ingest-outcomes");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new OutcomeWaiter(
                topic, new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer), pending, startTimeout);
    }

    public PendingOutcomes pending() {
        return pending;
    }

    /** Assigns every partition of the topic, seeks to their ends, and starts reading. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("outcome waiter already started");
        }
        List<TopicPartition> partitions = partitionsWithin(startTimeout);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: asking each position makes the end offsets fetched now, before requests come.
        partitions.forEach(consumer::position);
        running = true;
        thread = new Thread(this::run, "ledger-ingest-outcomes");
        thread.setDaemon(true);
        thread.start();
        LOG.info("reading {} partitions of {} from their ends", partitions.size(), topic);
    }

    private List<TopicPartition> partitionsWithin(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no partitions after " + timeout
                        + ": create the ledger's topics before starting ingest");
            }
            // The topic is being created: ask again shortly rather than spin on metadata requests.
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private void run() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, EventOutcome> record : consumer.poll(POLL)) {
                        if (record.value() != null) {
                            pending.complete(record.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    // One unreadable outcome must not stop every wait: skip it, say where it is.
                    LOG.warn("skipping unreadable outcome at {} offset {}", e.topicPartition(), e.offset(), e);
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("outcome reader stopped; writes waiting for outcomes will answer 202", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            running = false;
        }
        if (t == null) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
