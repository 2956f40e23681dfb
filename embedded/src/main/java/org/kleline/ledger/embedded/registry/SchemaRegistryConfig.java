package org.kleline.ledger.embedded.registry;

import java.time.Duration;

/**
 * Settings of the schema registry server. Schemas live in {@code topic}, a compacted topic of
 * one partition created when absent.
 *
 * @param bootstrapServers  the Kafka cluster holding the schemas topic
 * @param port              the loopback port to listen on, 0 for any free port
 * @param topic             the compacted topic holding schemas and configuration ({@code _schemas})
 * @param topicReplicationFactor replication factor used when the topic is created
 * @param defaultCompatibility the global level until one is set with {@code PUT /config}
 * @param requestBodyMaxBytes larger request bodies are refused with 413
 * @param storeTimeout      how long a write or the initial read of the topic may take
 * @param requestThreads    threads serving HTTP requests
 */
public record SchemaRegistryConfig(
        String bootstrapServers,
        int port,
        String topic,
        short topicReplicationFactor,
        CompatibilityLevel defaultCompatibility,
        int requestBodyMaxBytes,
        Duration storeTimeout,
        int requestThreads) {

    public static final String DEFAULT_TOPIC = "_schemas";
    public static final int DEFAULT_REQUEST_BODY_BYTES_MAX = 1024 * 1024;

    public SchemaRegistryConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank, was '" + bootstrapServers + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank, was '" + topic + "'");
        }
        if (topicReplicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topicReplicationFactor must be at least 1, was " + topicReplicationFactor);
        }
        if (defaultCompatibility == null) {
            throw new IllegalArgumentException("defaultCompatibility must not be null");
        }
        if (requestBodyMaxBytes < 1) {
            throw new IllegalArgumentException("requestBodyMaxBytes must be positive, was " + requestBodyMaxBytes);
        }
        if (storeTimeout == null || storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException("storeTimeout must be positive, was " + storeTimeout);
        }
        if (requestThreads < 1 || requestThreads > 64) {
            throw new IllegalArgumentException("requestThreads must be between 1 and 64, was " + requestThreads);
        }
    }

    /** Any free port, {@code _schemas} with replication 1, BACKWARD, 1 MiB bodies, 30 s store timeout. */
    public static SchemaRegistryConfig defaults(String bootstrapServers) {
        return new SchemaRegistryConfig(
                bootstrapServers,
                0,
                DEFAULT_TOPIC,
                (short) 1,
                CompatibilityLevel.BACKWARD,
                DEFAULT_REQUEST_BODY_BYTES_MAX,
                Duration.ofSeconds(30),
                4);
    }

    public SchemaRegistryConfig withPort(int newPort) {
        return new SchemaRegistryConfig(
                bootstrapServers,
                newPort,
                topic,
                topicReplicationFactor,
                defaultCompatibility,
                requestBodyMaxBytes,
                storeTimeout,
                requestThreads);
    }

    public SchemaRegistryConfig withTopic(String newTopic, short newReplicationFactor) {
        return new SchemaRegistryConfig(
                bootstrapServers,
                port,
                newTopic,
                newReplicationFactor,
                defaultCompatibility,
                requestBodyMaxBytes,
                storeTimeout,
                requestThreads);
    }

    public SchemaRegistryConfig withDefaultCompatibility(CompatibilityLevel level) {
        return new SchemaRegistryConfig(
                bootstrapServers,
                port,
                topic,
                topicReplicationFactor,
                level,
                requestBodyMaxBytes,
                storeTimeout,
                requestThreads);
    }
}
