package org.kleline.ledger.model.serde;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Makes configured Avro serdes that share one registry client, so a process holds one HTTP client
 * and one set of schema caches however many topics and stores it serves:
 *
 * <pre>{@code
 * AvroSerdes serdes = AvroSerdes.create(Map.of("schema.registry.url", "http://localhost:8081"));
 * Serde<FeePlan> feePlans = serdes.valueSerde(FeePlan.class);
 * }</pre>
 */
public final class AvroSerdes {

    private final Map<String, ?> configs;
    private final SchemaRegistryClient registry;

    private AvroSerdes(Map<String, ?> configs, SchemaRegistryClient registry) {
        // Kafka configuration maps may hold null values, which Map.copyOf refuses.
        this.configs = Collections.unmodifiableMap(new HashMap<>(configs));
        this.registry = registry;
    }

    /** Serdes configured by {@code configs}, with the registry client its {@code schema.registry.url} names. */
    public static AvroSerdes create(Map<String, ?> configs) {
        Objects.requireNonNull(configs, "configs");
        return new AvroSerdes(configs, SchemaRegistryClients.create(configs));
    }

    /** Serdes configured by {@code configs} (the URL may be left out) using {@code registry}. */
    public static AvroSerdes create(Map<String, ?> configs, SchemaRegistryClient registry) {
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(registry, "registry");
        AvroSerdeConfig.from(configs);
        return new AvroSerdes(configs, registry);
    }

    /** A configured value serde of a generated class: subject {@code <topic>-value}. */
    public <T extends SpecificRecord> SpecificAvroSerde<T> valueSerde(Class<T> type) {
        return specific(type, false);
    }

    /** A configured key serde of a generated class: subject {@code <topic>-key}. */
    public <T extends SpecificRecord> SpecificAvroSerde<T> keySerde(Class<T> type) {
        return specific(type, true);
    }

    /** A configured value serde of generic records. */
    public GenericAvroSerde genericValueSerde() {
        GenericAvroSerde serde = new GenericAvroSerde(registry);
        serde.configure(configs, false);
        return serde;
    }

    /** The shared client. */
    public SchemaRegistryClient registry() {
        return registry;
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> specific(Class<T> type, boolean isKey) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, registry);
        serde.configure(configs, isKey);
        return serde;
    }
}
