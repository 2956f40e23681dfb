package org.kleline.ledger.model.serde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of the Avro serdes and of the schema registry client, read from the same
 * {@code Map<String, ?>} a Kafka producer, consumer or Streams application is given. Keys are the
 * ones Confluent's serdes use, so one properties file serves both.
 *
 * @param registryUrls the {@value #SCHEMA_REGISTRY_URL} list: {@code http(s)://} base URLs tried in
 *     order, or a single {@code mock://<scope>} for the in-memory registry; empty only when the
 *     caller hands the serde a {@link SchemaRegistryClient} itself
 * @param autoRegisterSchemas register the record's schema under the subject on first use
 * @param useLatestVersion write with the subject's latest registered schema instead of registering
 * @param specificAvroReader deserialize into generated classes (the only mode of the specific serde)
 * @param connectTimeout the registry's HTTP connect timeout
 * @param readTimeout the registry's HTTP request timeout, from sending to the whole answer
 * @param cacheCapacity the bound of every schema and id cache of one client or serde
 * @param security the registry's credentials and TLS stores ({@link RegistrySecurity}, Confluent's keys)
 */
public record AvroSerdeConfig(
        List<String> registryUrls,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        Duration connectTimeout,
        Duration readTimeout,
        int cacheCapacity,
        RegistrySecurity security) {

    /** Comma-separated registry base URLs, or {@code mock://<scope>}. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer's schema on first use (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serialize with the latest schema of the subject, never registering (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into generated SpecificRecord classes (default true here). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Subject naming of keys; only TopicNameStrategy is supported. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Subject naming of values; only TopicNameStrategy is supported. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** HTTP connect timeout to the registry in milliseconds (default 5000). */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** HTTP request timeout to the registry in milliseconds (default 10000). */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    /** Entries kept by each schema and id cache (default 1000). */
    public static final String SCHEMAS_PER_SUBJECT_MAX = "max.schemas.per.subject";

    /** The one subject name strategy implemented: {@code <topic>-key} and {@code <topic>-value}. */
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    public static final int CONNECT_TIMEOUT_MS_DEFAULT = 5_000;
    public static final int READ_TIMEOUT_MS_DEFAULT = 10_000;
    public static final int CACHE_CAPACITY_DEFAULT = 1_000;
    private static final int TIMEOUT_MS_MAX = 600_000;
    private static final int CACHE_CAPACITY_MAX = 1_000_000;

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(
                    SCHEMA_REGISTRY_URL,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Comma-separated schema registry URLs, or mock://<scope> for the in-memory registry.")
            .define(
                    AUTO_REGISTER_SCHEMAS,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Register the record's schema under the subject on first use.")
            .define(
                    USE_LATEST_VERSION,
                    Type.BOOLEAN,
                    false,
                    Importance.MEDIUM,
                    "Serialize with the latest registered schema of the subject instead of registering.")
            .define(
                    SPECIFIC_AVRO_READER,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Deserialize into generated SpecificRecord classes.")
            .define(
                    KEY_SUBJECT_NAME_STRATEGY,
                    Type.STRING,
                    TOPIC_NAME_STRATEGY,
                    Importance.LOW,
                    "Subject name strategy of keys.")
            .define(
                    VALUE_SUBJECT_NAME_STRATEGY,
                    Type.STRING,
                    TOPIC_NAME_STRATEGY,
                    Importance.LOW,
                    "Subject name strategy of values.")
            .define(
                    HTTP_CONNECT_TIMEOUT_MS,
                    Type.INT,
                    CONNECT_TIMEOUT_MS_DEFAULT,
                    Range.between(1, TIMEOUT_MS_MAX),
                    Importance.LOW,
                    "HTTP connect timeout to the registry, ms.")
            .define(
                    HTTP_READ_TIMEOUT_MS,
                    Type.INT,
                    READ_TIMEOUT_MS_DEFAULT,
                    Range.between(1, TIMEOUT_MS_MAX),
                    Importance.LOW,
                    "HTTP request timeout to the registry, ms.")
            .define(
                    SCHEMAS_PER_SUBJECT_MAX,
                    Type.INT,
                    CACHE_CAPACITY_DEFAULT,
                    Range.between(1, CACHE_CAPACITY_MAX),
                    Importance.LOW,
                    "Entries kept by each schema and id cache.");

    public AvroSerdeConfig {
        Objects.requireNonNull(security, "security");
        registryUrls = List.copyOf(Objects.requireNonNull(registryUrls, "registryUrls"));
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
        }
        if (cacheCapacity < 1 || cacheCapacity > CACHE_CAPACITY_MAX) {
            throw new IllegalArgumentException(
                    "cacheCapacity must be 1.." + CACHE_CAPACITY_MAX + ", was " + cacheCapacity);
        }
    }

    /**
     * Reads the serde keys out of a Kafka client configuration; other keys are ignored.
     *
     * @throws ConfigException naming the key and value when one is malformed or contradicts another
     */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Objects.requireNonNull(configs, "configs");
        Map<String, Object> parsed = DEFINITION.parse(configs);
        requireTopicNameStrategy(parsed, KEY_SUBJECT_NAME_STRATEGY);
        requireTopicNameStrategy(parsed, VALUE_SUBJECT_NAME_STRATEGY);
        boolean autoRegister = (Boolean) parsed.get(AUTO_REGISTER_SCHEMAS);
        boolean useLatest = (Boolean) parsed.get(USE_LATEST_VERSION);
        // Confluent silently registers when both are on; here use.latest.version means "never
        // register", so asking for both explicitly is a contradiction, not a preference.
        if (useLatest && autoRegister && configs.containsKey(AUTO_REGISTER_SCHEMAS)) {
            throw new ConfigException(USE_LATEST_VERSION + "=true never registers schemas, but " + AUTO_REGISTER_SCHEMAS
                    + "=true was set too: set " + AUTO_REGISTER_SCHEMAS + "=false");
        }
        @SuppressWarnings("unchecked")
        List<String> urls = ((List<String>) parsed.get(SCHEMA_REGISTRY_URL))
                .stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
        return new AvroSerdeConfig(
                urls,
                autoRegister,
                useLatest,
                (Boolean) parsed.get(SPECIFIC_AVRO_READER),
                Duration.ofMillis((Integer) parsed.get(HTTP_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis((Integer) parsed.get(HTTP_READ_TIMEOUT_MS)),
                (Integer) parsed.get(SCHEMAS_PER_SUBJECT_MAX),
                RegistrySecurity.from(configs));
    }

    /** The registry URLs, or a ConfigException when there are none. */
    public List<String> requireRegistryUrls() {
        if (registryUrls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": give the registry's URL, e.g. http://localhost:8081 or mock://tests");
        }
        return registryUrls;
    }

    private static void requireTopicNameStrategy(Map<String, Object> parsed, String key) {
        String strategy = ((String) parsed.get(key)).trim();
        if (!strategy.equals(TOPIC_NAME_STRATEGY) && !strategy.equals("TopicNameStrategy")) {
            throw new ConfigException(
                    key,
                    strategy,
                    "only " + TOPIC_NAME_STRATEGY + " (subjects <topic>-key and <topic>-value) is supported");
        }
    }
}
