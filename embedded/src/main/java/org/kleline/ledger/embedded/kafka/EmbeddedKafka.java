package org.kleline.ledger.embedded.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.embedded.ports.PortsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: one KRaft node acting as broker and controller, listening on
 * the loopback interface only, with its data in a directory of the caller's choosing. Alone by
 * default; one voter of a quorum of several processes with {@link Builder#quorumSeat}.
 *
 * <p>The first start formats the directory and picks two free ports (broker and controller),
 * remembered in {@code ports.properties}, so {@link #bootstrapServers()} is the same after every
 * restart, clean or not. {@link #start(Path)} returns when the broker is unfenced and accepting
 * connections. Kafka's requests to exit or halt the JVM are turned into exceptions (see
 * {@link #fatalError()}).
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final String BROKER_PORT_KEY = "kafka.broker.port";
    public static final String CONTROLLER_PORT_KEY = "kafka.controller.port";
    public static final String LOG_DIRECTORY_NAME = "kafka";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDirectory;
    private final String bootstrapServers;
    private final String clusterId;
    private final KafkaRaftServer server;
    private final AtomicReference<EmbeddedKafkaHaltedException> fatalError;
    private final Consumer<EmbeddedKafkaHaltedException> haltListener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(
            Path dataDirectory,
            String bootstrapServers,
            String clusterId,
            KafkaRaftServer server,
            AtomicReference<EmbeddedKafkaHaltedException> fatalError,
            Consumer<EmbeddedKafkaHaltedException> haltListener) {
        this.dataDirectory = dataDirectory;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.server = server;
        this.fatalError = fatalError;
        this.haltListener = haltListener;
    }

    /** Starts a broker with the default settings on {@code dataDirectory} (created if absent). */
    public static EmbeddedKafka start(Path dataDirectory) {
        return builder(dataDirectory).start();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** {@code 127.0.0.1:port}, stable across restarts on the same data directory. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Present once Kafka asked to exit or halt; the broker has then been shut down. */
    public Optional<EmbeddedKafkaHaltedException> fatalError() {
        return Optional.ofNullable(fatalError.get());
    }

    /** Shuts the broker down cleanly (controlled shutdown, logs flushed). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("Embedded Kafka on " + dataDirectory + " did not shut down cleanly", e);
        } finally {
            KafkaExitGuard.removeListener(haltListener);
        }
    }

    private void shutDownAfterHalt(EmbeddedKafkaHaltedException halt) {
        if (!fatalError.compareAndSet(null, halt)) {
            return;
        }
        LOG.error("Embedded Kafka on {} is shutting down: {}", dataDirectory, halt.getMessage());
        // Not on the calling thread: it is a broker thread that the shutdown may wait for.
        Thread closer = new Thread(
                () -> {
                    try {
                        close();
                    } catch (RuntimeException e) {
                        LOG.error("Embedded Kafka on {} failed to shut down after a halt request", dataDirectory, e);
                    }
                },
                "embedded-kafka-halt");
        closer.setDaemon(true);
        closer.start();
    }

    /** Layered settings: the defaults of {@code BrokerProperties}, then the caller's properties. */
    public static final class Builder {

        private final Path dataDirectory;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private QuorumSeat seat;

        private Builder(Path dataDirectory) {
            if (dataDirectory == null) {
                throw new IllegalArgumentException("dataDirectory must not be null");
            }
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }

        /** Overrides a broker setting; the identity and listener settings cannot be overridden. */
        public Builder brokerProperty(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("broker property key must not be blank, was '" + key + "'");
            }
            if (value == null) {
                throw new IllegalArgumentException("broker property '" + key + "' must not have a null value");
            }
            brokerProperties.put(key, value);
            return this;
        }

        /** How long start() may take before it fails (the broker's server.max.startup.time.ms). */
        public Builder startupTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive, was " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Makes this broker one node of a quorum of several, each in its own process, instead of a quorum
         * of one: the seat's ports are used (no ports file), and a new log directory is formatted with
         * the seat's node id and cluster id.
         */
        public Builder quorumSeat(QuorumSeat seat) {
            if (seat == null) {
                throw new IllegalArgumentException("seat must not be null");
            }
            this.seat = seat;
            return this;
        }

        public EmbeddedKafka start() {
            KafkaExitGuard.install();
            Path logDirectory = dataDirectory.resolve(LOG_DIRECTORY_NAME);
            createDirectories(logDirectory);
            int brokerPort;
            Map<String, String> properties;
            String clusterId;
            if (seat == null) {
                PortsFile portsFile = new PortsFile(dataDirectory);
                int[] ports = rememberedOrChosenPorts(portsFile);
                brokerPort = ports[0];
                LoopbackPorts.requireFree(brokerPort, "Kafka broker", portsFile.file());
                LoopbackPorts.requireFree(ports[1], "Kafka controller", portsFile.file());
                properties = BrokerProperties.of(
                        logDirectory, brokerPort, ports[1], startupTimeout.toMillis(), brokerProperties);
                clusterId = formatIfNew(
                        logDirectory,
                        BrokerProperties.NODE_ID,
                        Uuid.randomUuid().toString());
            } else {
                brokerPort = seat.brokerPort();
                LoopbackPorts.requireFree(brokerPort, "Kafka broker", "the quorum seat of node " + seat.nodeId());
                LoopbackPorts.requireFree(
                        seat.controllerPort(), "Kafka controller", "the quorum seat of node " + seat.nodeId());
                properties = BrokerProperties.of(logDirectory, seat, startupTimeout.toMillis(), brokerProperties);
                clusterId = formatIfNew(logDirectory, seat.nodeId(), seat.clusterId());
            }
            KafkaConfig config = new KafkaConfig(properties, false);

            AtomicReference<EmbeddedKafkaHaltedException> fatalError = new AtomicReference<>();
            AtomicReference<EmbeddedKafka> started = new AtomicReference<>();
            Consumer<EmbeddedKafkaHaltedException> haltListener = halt -> {
                EmbeddedKafka broker = started.get();
                if (broker == null) {
                    fatalError.compareAndSet(null, halt);
                } else {
                    broker.shutDownAfterHalt(halt);
                }
            };
            KafkaExitGuard.addListener(haltListener);
            KafkaRaftServer server;
            try {
                server = new KafkaRaftServer(config, Time.SYSTEM);
            } catch (RuntimeException e) {
                KafkaExitGuard.removeListener(haltListener);
                throw new EmbeddedKafkaException("Cannot create the embedded Kafka server on " + logDirectory, e);
            }
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutDownQuietly(server);
                KafkaExitGuard.removeListener(haltListener);
                EmbeddedKafkaHaltedException halt = fatalError.get();
                if (halt != null && halt != e) {
                    e.addSuppressed(halt);
                }
                throw new EmbeddedKafkaException("Embedded Kafka on " + logDirectory + " failed to start", e);
            }
            EmbeddedKafka broker = new EmbeddedKafka(
                    dataDirectory, LoopbackPorts.HOST + ":" + brokerPort, clusterId, server, fatalError, haltListener);
            started.set(broker);
            EmbeddedKafkaHaltedException haltDuringStartup = fatalError.get();
            if (haltDuringStartup != null) {
                fatalError.set(null);
                broker.shutDownAfterHalt(haltDuringStartup);
            }
            return broker;
        }

        private static int[] rememberedOrChosenPorts(PortsFile portsFile) {
            OptionalInt broker = portsFile.remembered(BROKER_PORT_KEY);
            OptionalInt controller = portsFile.remembered(CONTROLLER_PORT_KEY);
            if (broker.isPresent() && controller.isPresent()) {
                return new int[] {broker.getAsInt(), controller.getAsInt()};
            }
            // Two distinct free ports; whichever one a half-written file already remembers is kept.
            int[] chosen = LoopbackPorts.chooseFree(2);
            int brokerPort = broker.orElse(firstOtherThan(chosen, controller.orElse(-1)));
            int controllerPort = controller.orElse(firstOtherThan(chosen, brokerPort));
            portsFile.remember(BROKER_PORT_KEY, brokerPort);
            portsFile.remember(CONTROLLER_PORT_KEY, controllerPort);
            return new int[] {brokerPort, controllerPort};
        }

        private static int firstOtherThan(int[] candidates, int taken) {
            return candidates[0] != taken ? candidates[0] : candidates[1];
        }

        /**
         * Formats the log directory when it holds no meta.properties yet, as kafka-storage.sh
         * format would for a combined node with a static voter set; returns the cluster id, the one
         * the directory holds when it was formatted before.
         */
        private static String formatIfNew(Path logDirectory, int nodeId, String clusterId) {
            Path metaProperties = logDirectory.resolve("meta.properties");
            if (Files.exists(metaProperties)) {
                return readClusterId(metaProperties);
            }
            String directory = logDirectory.toString();
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .addDirectory(directory)
                    .setMetadataLogDirectory(directory)
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setHasDynamicQuorum(false)
                    .setWriteBootstrapSnapshot(true);
            try {
                formatter.run();
            } catch (Exception e) {
                throw new EmbeddedKafkaException("Cannot format the Kafka log directory " + logDirectory, e);
            }
            return clusterId;
        }

        private static String readClusterId(Path metaProperties) {
            try {
                for (String line : Files.readAllLines(metaProperties, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("cluster.id=")) {
                        return line.substring("cluster.id=".length()).trim();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + metaProperties, e);
            }
            throw new IllegalStateException(metaProperties + " has no cluster.id; the directory is not a Kafka log"
                    + " directory formatted by this broker");
        }

        private static void createDirectories(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the Kafka log directory " + directory, e);
            }
        }

        private static void shutDownQuietly(KafkaRaftServer server) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("Embedded Kafka did not shut down cleanly after a failed start", e);
            }
        }
    }
}
