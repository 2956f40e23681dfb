package org.kleline.ledger.projector;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.GroupProtocol;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.projector.config.ProjectorClientConfigs;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.config.StreamsConfigFactory;
import org.kleline.ledger.projector.decide.MerchantDirectorySource;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.merchants.LogMerchantDirectory;
import org.kleline.ledger.projector.progress.KafkaProjectorProgress;
import org.kleline.ledger.projector.read.CatchUpBarrier;
import org.kleline.ledger.projector.read.ProjectorReadSide;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.topology.ProjectorTopology;
import org.kleline.ledger.projector.topology.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projector process: makes sure of the topics, starts the merchant directory's reader, then
 * the Kafka Streams application. {@link #streams()} is the instance the query API reads the views
 * from (interactive queries); the store names are in {@link org.kleline.ledger.projector.read.StoreNames}.
 *
 * <pre>{@code
 * try (Projector projector = new Projector(props)) {
 *     projector.start();
 *     ReadOnlyKeyValueStore<String, BalanceTotals> balances = projector.streams().store(...);
 * }
 * }</pre>
 */
public final class Projector implements AutoCloseable, ProjectorReadSide {

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);

    private final Properties props;
    private final ProjectorSettings settings;
    private final ProjectorMetrics metrics;
    private final Properties streamsConfig;
    private final ProjectorClientConfigs clients;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private Admin admin;
    private CatchUpBarrier catchUp;
    /** How long a start waits for the merchant directory to read the log as it was at start. */
    static final Duration MERCHANT_HISTORY_BOUND = Duration.ofMinutes(5);

    private LogMerchantDirectory merchants;
    private StateRestoreListener restoreListener;
    private KafkaStreams streams;

    /** @param props Streams and projector properties; see {@link ProjectorSettings} for the projector's own keys */
    public Projector(Properties props) {
        this.props = new Properties();
        this.props.putAll(props);
        this.settings = ProjectorSettings.from(props);
        this.metrics = new ProjectorMetrics(settings.applicationId());
        this.streamsConfig = StreamsConfigFactory.build(settings, props, metrics);
        this.clients = new ProjectorClientConfigs(streamsConfig);
    }

    /** Creates missing topics (refusing a ledger.events of another partition count), then starts. */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("projector already started");
        }
        admin = Admin.create(clients.admin(settings.applicationId() + "-admin"));
        TopicBootstrap.ensureTopics(admin, settings);
        catchUp = newCatchUpBarrier(admin);
        BusinessCalendar calendar = new BusinessCalendar(settings.settlementZone());
        TopicSerdes serdes = TopicSerdes.from(Topics.create(serdeConfigs()));
        merchants = new LogMerchantDirectory(
                new KafkaConsumer<>(
                        directoryConsumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                ProjectorTopics.EVENTS,
                settings.partitions(),
                serdes.events().deserializer(),
                calendar,
                settings.merchantWaitTimeout(),
                metrics,
                partition -> endOffset(admin, partition));
        merchants.start();
        awaitMerchantHistory();

        StreamsBuilder builder = new StreamsBuilder();
        ProjectorTopology.build(builder, serdes, calendar, MerchantDirectorySource.shared(merchants), metrics);
        Topology topology = builder.build(streamsConfig);
        streams = new KafkaStreams(topology, streamsConfig);
        if (restoreListener != null) {
            streams.setGlobalStateRestoreListener(restoreListener);
        }
        streams.setStateListener((now, before) -> {
            LOG.info("projector {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                terminated.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(new StreamThreadFailureHandler(metrics));
        streams.start();
    }

    /**
     * The merchant directory re-reads the whole log at every start. Until it has read what was there at
     * start, a payment would wait for it at most the merchant wait timeout and then fail, its stream
     * thread replaced and the payment decided again (see {@link StreamThreadFailureHandler}): on a long
     * history that would be a replacement, and a restore of the task's stores, per merchant wait
     * timeout. So the stream threads start only once it has read the log as of start; a directory that
     * cannot (the broker unreachable) is waited for at most {@link #MERCHANT_HISTORY_BOUND}, then the
     * projector starts as before, logging a warning.
     */
    private void awaitMerchantHistory() {
        long began = System.nanoTime();
        try {
            if (merchants.awaitStartEnds(MERCHANT_HISTORY_BOUND)) {
                LOG.info(
                        "merchant history of {} read in {} ms",
                        ProjectorTopics.EVENTS,
                        (System.nanoTime() - began) / 1_000_000);
            } else {
                LOG.warn(
                        "the merchant directory has not read {} to its end in {}; starting anyway (payments wait "
                                + "for it, at most {} each)",
                        ProjectorTopics.EVENTS,
                        MERCHANT_HISTORY_BOUND,
                        settings.merchantWaitTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the merchant history", e);
        }
    }

    /** The high watermark of a partition of ledger.events now: what the merchant directory checks a stamp against. */
    private static long endOffset(Admin admin, int partition) {
        TopicPartition tp = new TopicPartition(ProjectorTopics.EVENTS, partition);
        try {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                    .partitionResult(tp)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)
                    .offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking the end offset of " + tp, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the end offset of " + tp + " could not be asked: " + e, e);
        }
    }

    /** Observes the restoring of the stores from their changelogs; call before {@link #start()}. */
    public synchronized void setRestoreListener(StateRestoreListener listener) {
        if (streams != null) {
            throw new IllegalStateException("set the restore listener before start()");
        }
        this.restoreListener = listener;
    }

    /** The running Streams instance, for interactive queries. */
    @Override
    public synchronized KafkaStreams streams() {
        if (streams == null) {
            throw new IllegalStateException("projector not started");
        }
        return streams;
    }

    /**
     * Waits, bounded, until the settlement rows include every event appended to ledger.events before
     * the call (see {@link CatchUpBarrier}): what a settlement run reads behind.
     */
    @Override
    public synchronized CatchUpBarrier catchUpBarrier() {
        if (catchUp == null) {
            throw new IllegalStateException("projector not started");
        }
        return catchUp;
    }

    /** The settings every Kafka client this projector makes is given, beside Streams' own. */
    public ProjectorClientConfigs clientConfigs() {
        return clients;
    }

    /** Blocks until the Streams instance has stopped (closed, or failed). */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    public ProjectorSettings settings() {
        return settings;
    }

    public ProjectorMetrics metrics() {
        return metrics;
    }

    /** The Streams config in force (defaults and overrides). */
    public Properties streamsConfig() {
        Properties copy = new Properties();
        copy.putAll(streamsConfig);
        return copy;
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
        }
        if (catchUp != null) {
            catchUp.close();
        }
        if (admin != null) {
            admin.close(CLOSE_TIMEOUT);
        }
        if (merchants != null) {
            merchants.close();
        }
        metrics.close();
    }

    private CatchUpBarrier newCatchUpBarrier(Admin progressAdmin) {
        boolean streamsGroup = GroupProtocol.STREAMS.name.equalsIgnoreCase(
                String.valueOf(streamsConfig.getOrDefault(StreamsConfig.GROUP_PROTOCOL_CONFIG, "")));
        String probeClientId = settings.applicationId() + "-catch-up-probe";
        KafkaProjectorProgress progress = new KafkaProjectorProgress(
                progressAdmin,
                settings.applicationId(),
                streamsGroup,
                () -> new KafkaConsumer<>(
                        clients.plainConsumer(probeClientId),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()));
        return CatchUpBarrier.forApplication(progress, settings.applicationId());
    }

    private Map<String, Object> serdeConfigs() {
        Map<String, Object> configs = new HashMap<>();
        props.forEach((k, v) -> configs.put(k.toString(), v));
        configs.put(ProjectorSettings.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
        return configs;
    }

    /** The directory reads the whole log at start: large polls, whatever Streams' consumer is tuned to. */
    private Map<String, Object> directoryConsumerConfig() {
        Map<String, Object> c = clients.plainConsumer(settings.applicationId() + "-merchant-directory");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return c;
    }
}
