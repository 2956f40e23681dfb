package org.kleline.ledger.bench.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.append.ProducerSettings;
import org.kleline.ledger.model.topics.Topics;

/**
 * The ceiling of the broker for ingest's appends, without HTTP or JSON: the same keyed envelopes sent
 * to {@code ledger.events} by plain {@link KafkaProducer}s built with ingest's own
 * {@link ProducerSettings} and the same Avro serializer (so serialization and the registry lookup are
 * in both). Two shapes: one idempotent producer in a send loop, as ingest's single appends; and
 * ingest's bulk shape, a transaction per body on as many transactional producers as ingest has.
 */
final class RawProducerIngest {

    private final Map<String, Object> clients;

    RawProducerIngest(String bootstrapServers, String schemaRegistryUrl) {
        this.clients = new HashMap<>();
        clients.put("bootstrap.servers", bootstrapServers);
        clients.put("schema.registry.url", schemaRegistryUrl);
    }

    /** One idempotent producer, every event sent, then flushed; the wall time from the first send to the flush. */
    Duration idempotentLoop(List<List<KeyedEvent>> bodies) {
        Topics topics = Topics.create(clients);
        try (Producer<String, EventEnvelope> producer = new KafkaProducer<>(
                ProducerSettings.idempotent(clients),
                new StringSerializer(),
                topics.events().valueSerde().serializer())) {
            // Metadata and the schema id are had before the clock starts, as a running ingest has them.
            producer.partitionsFor(Topics.EVENTS);
            long startNs = System.nanoTime();
            for (List<KeyedEvent> body : bodies) {
                for (KeyedEvent event : body) {
                    producer.send(new ProducerRecord<>(Topics.EVENTS, event.key(), event.envelope()));
                }
            }
            producer.flush();
            return Duration.ofNanos(System.nanoTime() - startNs);
        }
    }

    /** {@code producers} transactional producers, each taking the next body and appending it in one transaction. */
    Duration transactionPerBody(List<List<KeyedEvent>> bodies, int producers, String transactionalIdPrefix)
            throws InterruptedException {
        Topics topics = Topics.create(clients);
        List<Producer<String, EventEnvelope>> pool = new ArrayList<>();
        try {
            for (int i = 0; i < producers; i++) {
                Producer<String, EventEnvelope> p = new KafkaProducer<>(
                        ProducerSettings.transactional(clients, transactionalIdPrefix + "-" + i),
                        new StringSerializer(),
                        topics.events().valueSerde().serializer());
                pool.add(p);
                p.initTransactions();
            }
            ConcurrentLinkedQueue<List<KeyedEvent>> queue = new ConcurrentLinkedQueue<>(bodies);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            long startNs = System.nanoTime();
            for (Producer<String, EventEnvelope> producer : pool) {
                Thread t = new Thread(
                        () -> {
                            List<KeyedEvent> body;
                            while (failure.get() == null && (body = queue.poll()) != null) {
                                try {
                                    producer.beginTransaction();
                                    for (KeyedEvent event : body) {
                                        producer.send(
                                                new ProducerRecord<>(Topics.EVENTS, event.key(), event.envelope()));
                                    }
                                    producer.commitTransaction();
                                } catch (RuntimeException e) {
                                    failure.compareAndSet(null, e);
                                }
                            }
                        },
                        "raw-transactional-" + threads.size());
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a raw transactional append failed: " + failure.get(), failure.get());
            }
            return Duration.ofNanos(System.nanoTime() - startNs);
        } finally {
            pool.forEach(p -> p.close(Duration.ofSeconds(5)));
        }
    }
}
