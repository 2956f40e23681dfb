package org.kleline.ledger.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.kleline.ledger.embedded.kafka.EmbeddedKafka;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.embedded.ports.PortsFile;
import org.kleline.ledger.embedded.registry.RegistryAccess;
import org.kleline.ledger.embedded.registry.SchemaRegistryConfig;
import org.kleline.ledger.embedded.registry.SchemaRegistryServer;

/**
 * The single-machine infrastructure of {@code ledger run} and the integration tests: an
 * embedded Kafka broker, then a schema registry storing its schemas on that broker. Both keep
 * their addresses across restarts on the same data directory (ports in {@code ports.properties}).
 * A long-running process should close it from a shutdown hook: a broker not closed is recovered
 * on the next start as after a crash, which takes a couple of seconds longer.
 */
public final class EmbeddedLedgerInfrastructure implements AutoCloseable {

    public static final String SCHEMA_REGISTRY_PORT_KEY = "schema-registry.port";

    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer schemaRegistry;

    private EmbeddedLedgerInfrastructure(EmbeddedKafka kafka, SchemaRegistryServer schemaRegistry) {
        this.kafka = kafka;
        this.schemaRegistry = schemaRegistry;
    }

    /** Starts both with the default settings; the data directory is created if absent. */
    public static EmbeddedLedgerInfrastructure start(Path dataDirectory) {
        return builder(dataDirectory).start();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** The Kafka bootstrap servers, {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The schema registry URL, {@code http://127.0.0.1:port}. */
    public String schemaRegistryUrl() {
        return schemaRegistry.url();
    }

    public Path dataDirectory() {
        return kafka.dataDirectory();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public SchemaRegistryServer schemaRegistry() {
        return schemaRegistry;
    }

    /** Closes the registry, then the broker it writes to. Idempotent. */
    @Override
    public void close() {
        try {
            schemaRegistry.close();
        } finally {
            kafka.close();
        }
    }

    public static final class Builder {

        private final Path dataDirectory;
        private final EmbeddedKafka.Builder kafka;
        private UnaryOperator<SchemaRegistryConfig> registryCustomizer = UnaryOperator.identity();
        private RegistryAccess registryAccess = RegistryAccess.standard();

        private Builder(Path dataDirectory) {
            this.kafka = EmbeddedKafka.builder(dataDirectory);
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }

        public Builder brokerProperty(String key, String value) {
            kafka.brokerProperty(key, value);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            kafka.startupTimeout(timeout);
            return this;
        }

        /**
         * Adjusts the registry's settings (compatibility, limits). The bootstrap servers and
         * the port are set afterwards from the broker and the ports file.
         */
        public Builder schemaRegistry(UnaryOperator<SchemaRegistryConfig> customizer) {
            if (customizer == null) {
                throw new IllegalArgumentException("schema registry customizer must not be null");
            }
            this.registryCustomizer = customizer;
            return this;
        }

        /** Guards the registry otherwise than {@link RegistryAccess#standard()}: basic authentication, TLS (tests). */
        public Builder registryAccess(RegistryAccess access) {
            if (access == null) {
                throw new IllegalArgumentException("registry access must not be null");
            }
            this.registryAccess = access;
            return this;
        }

        public EmbeddedLedgerInfrastructure start() {
            EmbeddedKafka broker = kafka.start();
            try {
                PortsFile ports = new PortsFile(dataDirectory);
                OptionalInt remembered = ports.remembered(SCHEMA_REGISTRY_PORT_KEY);
                if (remembered.isPresent()) {
                    LoopbackPorts.requireFree(remembered.getAsInt(), "schema registry", ports.file());
                }
                SchemaRegistryConfig config =
                        registryCustomizer.apply(SchemaRegistryConfig.defaults(broker.bootstrapServers()));
                config = new SchemaRegistryConfig(
                        broker.bootstrapServers(),
                        remembered.orElse(0),
                        config.topic(),
                        config.topicReplicationFactor(),
                        config.defaultCompatibility(),
                        config.requestBodyMaxBytes(),
                        config.storeTimeout(),
                        config.requestThreads());
                SchemaRegistryServer registry = SchemaRegistryServer.start(config, registryAccess);
                if (remembered.isEmpty()) {
                    ports.remember(SCHEMA_REGISTRY_PORT_KEY, registry.port());
                }
                return new EmbeddedLedgerInfrastructure(broker, registry);
            } catch (RuntimeException e) {
                try {
                    broker.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
    }
}
