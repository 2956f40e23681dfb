package org.kleline.ledger.web.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys where the ledger's state lives: the compacted topic {@link #TOPIC} (one partition; key =
 * keyId, value = {@link ApiKeyRecord} as JSON, hashes only), read from the beginning by every process
 * that serves HTTP (each {@code ledger node}, {@code ledger ingest} and {@code ledger run}) with a
 * plain consumer that keeps polling, so a key made or revoked on one process is known to every
 * other within {@link #PROPAGATION_BOUND}. The process that makes or revokes a key applies it at
 * once, from the offset the broker acknowledged; every version is applied only over an older
 * offset, so a late read never undoes a revocation. Records are never deleted: a revoked key's id
 * still names who appended its events.
 */
public final class KafkaApiKeys extends InMemoryApiKeys implements AutoCloseable {

    public static final String TOPIC = "ledger.api-keys";
    /** The reader's poll: a record written elsewhere is applied within about this long. */
    static final Duration POLL = Duration.ofMillis(250);
    /**
     * How long a key made or revoked on one process may still be unknown, or still accepted, on
     * another (docs/operations.md): a poll, the broker's fetch wait and a margin, with the brokers
     * reachable.
     */
    public static final Duration PROPAGATION_BOUND = Duration.ofSeconds(2);

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaApiKeys.class);

    private final Map<String, Long> offsets = new HashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private final ObjectMapper reading =
            LedgerJson.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile boolean running = true;

    private KafkaApiKeys(Map<String, Object> clients, Clock clock) {
        super(clock);
        Map<String, Object> producerConfig = new HashMap<>(clients);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ledger-api-keys-writer");
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumerConfig = new HashMap<>(clients);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-api-keys-reader");
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::readForever, "ledger-api-keys-reader");
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic when absent, reads it to its end, then keeps reading it on a thread of its own.
     *
     * @param clients Kafka client settings ({@code bootstrap.servers} and any security settings)
     */
    public static KafkaApiKeys start(Map<String, Object> clients, Clock clock) {
        ensureTopic(clients);
        KafkaApiKeys keys = new KafkaApiKeys(clients, clock);
        try {
            keys.catchUp();
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
        keys.reader.start();
        return keys;
    }

    @Override
    public CreatedKey create(Role role, String merchantId, String label) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKeyRecord key = ApiKeyRecord.made(secret, role, merchantId, label, clock().instant());
        write(key);
        return new CreatedKey(key, secret.secret());
    }

    @Override
    public synchronized Optional<ApiKeyRecord> revoke(String keyId) {
        Optional<ApiKeyRecord> found = find(keyId);
        if (found.isEmpty() || found.get().revoked()) {
            return found;
        }
        ApiKeyRecord revoked = found.get().revokedAt(clock().instant());
        write(revoked);
        return Optional.of(revoked);
    }

    private void write(ApiKeyRecord key) {
        byte[] value;
        try {
            value = LedgerJson.mapper().writeValueAsBytes(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(TOPIC, key.keyId(), value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            apply(key, written.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while writing the key to " + TOPIC);
        } catch (ExecutionException | TimeoutException e) {
            throw new UnavailableException(
                    "the key could not be written to " + TOPIC + ": " + e, UnavailableException.DEFAULT_RETRY_AFTER, e);
        }
    }

    private synchronized void apply(ApiKeyRecord key, long offset) {
        Long known = offsets.get(key.keyId());
        if (known == null || known < offset) {
            offsets.put(key.keyId(), offset);
            store(key);
        }
    }

    private void catchUp() {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), STARTUP_TIMEOUT).get(partition);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (consumer.position(partition, STARTUP_TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + TOPIC + " to its end (" + end + ") in "
                        + STARTUP_TIMEOUT.toSeconds() + " s");
            }
            consumer.poll(POLL).forEach(this::applyRecord);
        }
    }

    private void readForever() {
        while (running) {
            try {
                consumer.poll(POLL).forEach(this::applyRecord);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn(
                        "reading {} failed; keys made or revoked elsewhere are not seen until it recovers: {}",
                        TOPIC,
                        e.toString());
            }
        }
    }

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            ApiKeyRecord key = reading.readValue(record.value(), ApiKeyRecord.class);
            if (!key.keyId().equals(record.key())) {
                LOG.warn(
                        "{} offset {}: record key '{}' does not match keyId '{}': ignored",
                        TOPIC,
                        record.offset(),
                        record.key(),
                        key.keyId());
                return;
            }
            apply(key, record.offset());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} offset {}: not an API key record, ignored: {}", TOPIC, record.offset(), e.toString());
        }
    }

    private static void ensureTopic(Map<String, Object> clients) {
        try (Admin admin = Admin.create(new HashMap<>(clients))) {
            long timeout = STARTUP_TIMEOUT.toMillis();
            if (admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).contains(TOPIC)) {
                return;
            }
            int brokers = admin.describeCluster()
                    .nodes()
                    .get(timeout, TimeUnit.MILLISECONDS)
                    .size();
            short replication = (short) Math.max(1, Math.min(3, brokers));
            NewTopic topic = new NewTopic(TOPIC, 1, replication)
                    .configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            replication >= 3 ? "2" : "1",
                            TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG,
                            "false"));
            try {
                admin.createTopics(List.of(topic)).all().get(timeout, TimeUnit.MILLISECONDS);
                LOG.info("created topic {} (1 partition, compacted, replication {})", TOPIC, replication);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not check or create " + TOPIC + ": " + e, e);
        }
    }

    /**
     * Whether the keys are being read: caught up with the topic at start, and its reader still running (a
     * failed poll is retried; only a stop ends it). A process's readiness rests on it.
     */
    public boolean reading() {
        return running && reader.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reader.isAlive()) {
            consumer.close(Duration.ofSeconds(2));
        }
        producer.close(Duration.ofSeconds(2));
    }
}
