package org.kleline.ledger.projector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.SpecificAvroSerde;
import org.kleline.ledger.model.serde.SubjectNames;
import org.kleline.ledger.model.topics.Topic;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.errors.DeadLetterHandler;

/**
 * docs/asyncapi.yaml, the Kafka contract handed to downstream teams, against the code it describes:
 * ledger-model's {@link Topics} (which topics exist, the serdes of their keys and values, the Avro
 * class paired with each), projector's {@link ProjectorTopics} and {@link ProjectorSettings} (how
 * each topic is created) and {@link DeadLetterHandler} (the headers of a dead letter). Here because
 * the projector is the one module that sees all of them.
 */
class AsyncApiContractTest {

    /** Surefire runs in the module's directory. */
    static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    static final String AVRO_SCHEMA_FORMAT = "application/vnd.apache.avro;version=1.9.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static JsonNode document;
    private static Topics topics;
    /** Every topic of the registry by name, with the key and value types its accessor declares. */
    private static Map<String, RegistryTopic> registry;

    record RegistryTopic(Topic<?, ?> topic, Class<?> keyType, Class<?> valueType) {}

    @BeforeAll
    static void readDocumentAndRegistry() throws Exception {
        document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
        topics = Topics.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://asyncapi-contract"));
        registry = registryTopics(topics);
    }

    @Test
    void theDocumentIsAsyncApi3AndEveryServerIsKafkaWithAConfluentRegistry() {
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
        assertThat(document.path("servers").size()).isPositive();
        document.path("servers").properties().forEach(server -> {
            assertThat(server.getValue().path("protocol").asText())
                    .as("protocol of server %s", server.getKey())
                    .isEqualTo("kafka");
            JsonNode binding = server.getValue().path("bindings").path("kafka");
            assertThat(binding.path("schemaRegistryVendor").asText())
                    .as("registry vendor of server %s", server.getKey())
                    .isEqualTo("confluent");
            assertThat(binding.path("schemaRegistryUrl").isTextual()).isTrue();
        });
    }

    @Test
    void everyTopicOfTheRegistryIsAChannelAndNoOtherTopicIs() {
        List<String> addresses = new ArrayList<>();
        document.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses)
                .as("the addresses of the channels of %s", DOCUMENT)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(registry.keySet());
    }

    @Test
    void everyAvroValueIsTheSchemaOfTheClassTheRegistryPairsWithItsTopic() {
        for (RegistryTopic entry : registry.values()) {
            String name = entry.topic().name();
            JsonNode message = message(name);
            JsonNode payload = resolve(message.path("payload"));
            JsonNode kafka = message.path("bindings").path("kafka");
            if (SpecificRecord.class.isAssignableFrom(entry.valueType())) {
                assertThat(entry.topic().valueSerde())
                        .as("value serde of %s", name)
                        .isInstanceOf(SpecificAvroSerde.class);
                assertThat(payload.path("schemaFormat").asText())
                        .as("schemaFormat of %s's payload", name)
                        .isEqualTo(AVRO_SCHEMA_FORMAT);
                Schema expected = SpecificData.get().getSchema(entry.valueType());
                Schema documented =
                        new Schema.Parser().parse(payload.path("schema").toString());
                if (!documented.equals(expected)) {
                    fail("the schema of " + name + "'s messages in " + DOCUMENT + " is not the one of "
                            + entry.valueType().getName() + " (which the ledger registers); its schema, to paste:\n"
                            + yaml(expected));
                }
                assertThat(message.path("contentType").asText())
                        .as("contentType of %s", name)
                        .isEqualTo("avro/binary");
                assertThat(kafka.path("schemaIdLocation").asText())
                        .as("schemaIdLocation of %s", name)
                        .isEqualTo("payload");
                assertThat(kafka.path("schemaIdPayloadEncoding").asText())
                        .as("schemaIdPayloadEncoding of %s", name)
                        .isEqualTo("confluent");
                assertThat(kafka.path("schemaLookupStrategy").asText())
                        .as("schemaLookupStrategy of %s", name)
                        .isEqualTo("TopicNameStrategy");
                assertThat(message.path("x-schema-registry-subject").asText())
                        .as("subject of %s", name)
                        .isEqualTo(SubjectNames.forTopic(name, false));
            } else {
                assertThat(entry.valueType()).as("value type of %s", name).isEqualTo(byte[].class);
                assertThat(entry.topic().valueSerde())
                        .as("value serde of %s", name)
                        .isInstanceOf(Serdes.ByteArraySerde.class);
                assertThat(payload.has("schemaFormat"))
                        .as("%s's values are bytes, not a schema of their own", name)
                        .isFalse();
                assertThat(payload.path("format").asText())
                        .as("format of %s's payload", name)
                        .isEqualTo("binary");
                assertThat(kafka.has("schemaIdLocation"))
                        .as("schemaIdLocation of %s", name)
                        .isFalse();
            }
            assertThat(kafka.path("bindingVersion").asText()).isEqualTo(KAFKA_BINDING_VERSION);
        }
    }

    @Test
    void keysAreStringsAndBytesOnlyWhereTheRegistryReadsThemAsBytes() {
        for (RegistryTopic entry : registry.values()) {
            String name = entry.topic().name();
            JsonNode key = resolve(message(name).path("bindings").path("kafka").path("key"));
            assertThat(key.path("type").asText()).as("type of %s's keys", name).isEqualTo("string");
            assertThat(key.path("description").asText())
                    .as("what %s's keys are", name)
                    .isNotBlank();
            if (entry.keyType() == String.class) {
                assertThat(entry.topic().keySerde()).as("key serde of %s", name).isInstanceOf(Serdes.StringSerde.class);
                assertThat(key.has("format"))
                        .as("%s's keys are UTF-8 text", name)
                        .isFalse();
            } else {
                assertThat(entry.keyType()).as("key type of %s", name).isEqualTo(byte[].class);
                assertThat(entry.topic().keySerde())
                        .as("key serde of %s", name)
                        .isInstanceOf(Serdes.ByteArraySerde.class);
                assertThat(key.path("format").asText())
                        .as("format of %s's keys", name)
                        .isEqualTo("binary");
            }
        }
    }

    @Test
    void everyTopicIsDocumentedWithTheSettingsTheProjectorCreatesItWith() {
        assertThat(ProjectorTopics.all())
                .extracting(ProjectorTopics.TopicSpec::name)
                .as("the projector creates every topic of the registry")
                .containsExactlyInAnyOrderElementsOf(registry.keySet());
        for (ProjectorTopics.TopicSpec spec : ProjectorTopics.all()) {
            JsonNode kafka = channel(spec.name()).path("bindings").path("kafka");
            assertThat(kafka.path("bindingVersion").asText()).isEqualTo(KAFKA_BINDING_VERSION);
            assertThat(kafka.path("partitions").asInt())
                    .as("partitions of %s (the default of %s)", spec.name(), ProjectorSettings.PARTITIONS)
                    .isEqualTo(ProjectorSettings.DEFAULT_PARTITIONS);
            assertThat(kafka.path("replicas").asInt())
                    .as("replicas of %s (the default of %s)", spec.name(), ProjectorSettings.REPLICATION)
                    .isEqualTo((int) ProjectorSettings.DEFAULT_REPLICATION);
            assertThat(topicConfiguration(kafka.path("topicConfiguration")))
                    .as("topicConfiguration of %s", spec.name())
                    .isEqualTo(new TreeMap<>(spec.configs()));
        }
    }

    @Test
    void deadLetterHeadersAreTheOnesTheProjectorWrites() throws IllegalAccessException {
        Set<String> written = new TreeSet<>();
        for (Field field : DeadLetterHandler.class.getFields()) {
            if (field.getName().startsWith("HEADER_") && Modifier.isStatic(field.getModifiers())) {
                written.add((String) field.get(null));
            }
        }
        Set<String> documented = new TreeSet<>();
        resolve(message(Topics.EVENTS_DLQ).path("headers"))
                .path("properties")
                .properties()
                .forEach(header -> documented.add(header.getKey()));

        assertThat(documented).isEqualTo(written);
    }

    /**
     * The registry's topics, each with the type arguments of the {@code Topics} accessor that returns
     * it: the key and value types the code pairs with the topic.
     */
    private static Map<String, RegistryTopic> registryTopics(Topics topics) throws ReflectiveOperationException {
        Map<Topic<?, ?>, Type[]> declared = new HashMap<>();
        for (Method method : Topics.class.getMethods()) {
            if (method.getParameterCount() == 0
                    && method.getReturnType() == Topic.class
                    && !Modifier.isStatic(method.getModifiers())) {
                ParameterizedType type = (ParameterizedType) method.getGenericReturnType();
                declared.put((Topic<?, ?>) method.invoke(topics), type.getActualTypeArguments());
            }
        }
        Map<String, RegistryTopic> byName = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics.all()) {
            Type[] types = declared.get(topic);
            if (types == null) {
                fail("topic " + topic.name() + " of Topics.all() has no accessor of its own on Topics");
            }
            byName.put(topic.name(), new RegistryTopic(topic, (Class<?>) types[0], (Class<?>) types[1]));
        }
        return byName;
    }

    private static JsonNode channel(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        return fail("no channel of " + DOCUMENT + " has the address " + address);
    }

    /** The one message of a topic's channel, its references followed. */
    private static JsonNode message(String address) {
        JsonNode messages = channel(address).path("messages");
        assertThat(messages.size()).as("messages of channel %s", address).isEqualTo(1);
        return resolve(messages.elements().next());
    }

    /** Follows local references ({@code $ref: '#/components/...'}) until a node that is none. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            assertThat(ref).as("only references inside the document").startsWith("#/");
            assertThat(hops).as("a chain of references from %s", node).isLessThan(10);
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("reference %s", ref).isFalse();
        }
        return current;
    }

    /** A Kafka binding's topic configuration as a topic's configs: lists joined with commas, numbers as text. */
    private static Map<String, String> topicConfiguration(JsonNode configuration) {
        Map<String, String> configs = new TreeMap<>();
        configuration.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                configs.put(entry.getKey(), String.join(",", items));
            } else {
                configs.put(entry.getKey(), value.asText());
            }
        });
        return configs;
    }

    private static String yaml(Schema schema) {
        try {
            JsonNode tree = new ObjectMapper().readTree(schema.toString());
            return YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build()
                    .writeValueAsString(tree);
        } catch (IOException e) {
            return schema.toString();
        }
    }
}
