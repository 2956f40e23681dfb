package org.kleline.ledger.cli.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Kafka client settings of a process run against an external cluster: every producer, consumer,
 * admin client and Streams instance of the process, and the schema registry client, are given the
 * same map, so one {@code -X} or properties file reaches all of them (security included). Layered,
 * later wins: the {@code --client-config} file, then each {@code -X key=value} in order, then the
 * dedicated options ({@code --bootstrap-servers}, {@code --schema-registry-url}).
 */
public record ClientProperties(Map<String, String> values) {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    public ClientProperties {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        requireSet(values, BOOTSTRAP_SERVERS, "--bootstrap-servers");
        requireSet(values, SCHEMA_REGISTRY_URL, "--schema-registry-url");
    }

    /**
     * @param file         a Java properties file, or null
     * @param overrides    {@code key=value} strings, applied in order
     * @param bootstrap    the bootstrap servers option, or null when not given
     * @param registryUrl  the schema registry URL option, or null when not given
     */
    public static ClientProperties layered(Path file, List<String> overrides, String bootstrap, String registryUrl) {
        return layered(Map.of(), file, overrides, bootstrap, registryUrl);
    }

    /**
     * As {@link #layered(Path, List, String, String)}, over {@code discovered}: settings found rather than
     * given (the addresses a {@code ledger run} wrote into its data directory), so anything given wins.
     */
    public static ClientProperties layered(
            Map<String, String> discovered, Path file, List<String> overrides, String bootstrap, String registryUrl) {
        Map<String, String> merged = new LinkedHashMap<>(discovered);
        if (file != null) {
            merged.putAll(load(file));
        }
        for (String override : overrides) {
            KeyValue kv = KeyValue.parse(override);
            merged.put(kv.key(), kv.value());
        }
        if (bootstrap != null) {
            merged.put(BOOTSTRAP_SERVERS, bootstrap);
        }
        if (registryUrl != null) {
            merged.put(SCHEMA_REGISTRY_URL, registryUrl);
        }
        return new ClientProperties(merged);
    }

    public String bootstrapServers() {
        return values.get(BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return values.get(SCHEMA_REGISTRY_URL);
    }

    /** A fresh mutable copy, in the shape Kafka's client constructors and ingest take. */
    public Map<String, Object> asClientMap() {
        return new LinkedHashMap<>(values);
    }

    /** A fresh copy as properties, for the projector. */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--client-config: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames()
                .forEach(key -> values.put(key, p.getProperty(key).trim()));
        return values;
    }

    private static void requireSet(Map<String, String> values, String key, String option) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required (or " + key + " in --client-config or -X), "
                    + "got " + (value == null ? "nothing" : "'" + value + "'"));
        }
    }

    /** One {@code -X key=value}: the key must be non-blank; the value may be empty, and may contain '='. */
    record KeyValue(String key, String value) {

        static KeyValue parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || text.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("-X takes key=value, got '" + text + "'");
            }
            return new KeyValue(
                    text.substring(0, eq).trim(), text.substring(eq + 1).trim());
        }
    }
}
