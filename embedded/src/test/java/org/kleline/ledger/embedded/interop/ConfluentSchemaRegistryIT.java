package org.kleline.ledger.embedded.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.HttpSchemaRegistryClient;
import org.kleline.ledger.model.serde.RegisteredSchema;
import org.kleline.ledger.model.serde.SampleRecords;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.topics.Topics;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Our client and serde against Confluent's own Schema Registry image, on a KRaft Kafka image in a
 * network of their own. Runs where a Docker engine is reachable and is reported skipped elsewhere
 * (the build machines have none; the embedded registry carries the other interop tests there).
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryIT {

    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.0.0");
    private static final DockerImageName REGISTRY_IMAGE =
            DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0");
    /** The broker's listener inside the network; the registry's store is on it. */
    private static final String KAFKA_INTERNAL_LISTENER = "kafka:19092";

    private static final int REGISTRY_PORT = 8081;

    // Not closed by the test: the extension stops the containers after every @AfterAll method, and
    // a network with containers on it cannot be removed; Testcontainers' reaper removes it.
    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA =
            new KafkaContainer(KAFKA_IMAGE).withNetwork(NETWORK).withListener(KAFKA_INTERNAL_LISTENER);

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>(REGISTRY_IMAGE)
            .withNetwork(NETWORK)
            .withNetworkAliases("schema-registry")
            .withExposedPorts(REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_INTERNAL_LISTENER)
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    @Test
    void ourClientRegistersTheEnvelopeSchemaAndANewClientFindsItById() {
        String subject = "confluent.registered-value";

        int id = newClient().register(subject, EventEnvelope.getClassSchema());
        HttpSchemaRegistryClient fresh = newClient();
        RegisteredSchema found = fresh.lookup(subject, EventEnvelope.getClassSchema());

        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isEqualTo(1);
        assertThat(fresh.latestVersion(subject).id()).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(EventEnvelope.getClassSchema());
        assertThat(newClient().register(subject, EventEnvelope.getClassSchema()))
                .isEqualTo(id);
    }

    @Test
    void recordsRoundTripThroughOurSerdesKafkaAndTheRealRegistry() {
        String topic = "confluent.events";
        List<EventEnvelope> events = SampleRecords.envelopesOfEveryPayloadKind();
        TopicClients.createTopics(KAFKA.getBootstrapServers(), List.of(topic));

        TopicClients.produceCommitted(
                KAFKA.getBootstrapServers(),
                topic,
                "tx-confluent-events",
                topics().events().valueSerde().serializer(),
                events.stream().map(SampleRecords::keyed).toList());
        List<EventEnvelope> read = TopicClients.readAllCommittedValues(
                KAFKA.getBootstrapServers(),
                topic,
                topics().events().valueSerde().deserializer());
        List<byte[]> raw =
                TopicClients.readAllCommittedValues(KAFKA.getBootstrapServers(), topic, new ByteArrayDeserializer());

        assertThat(read).isEqualTo(events);
        int registeredId = newClient().latestVersion(topic + "-value").id();
        assertThat(raw)
                .hasSize(events.size())
                .extracting(ConfluentWireBytes::schemaId)
                .containsOnly(registeredId);
    }

    @Test
    void anIncompatibleChangeIsRefusedWith409() {
        String subject = "confluent.refused-value";
        HttpSchemaRegistryClient client = newClient();
        int id = client.register(subject, EventEnvelope.getClassSchema());
        Schema incompatible = RefusedSchemas.envelopeWithRequiredChannel();

        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(409);
                    assertThat(refused.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                });
        assertThat(client.latestVersion(subject).id()).isEqualTo(id);
        assertThat(client.latestVersion(subject).version()).isEqualTo(1);
    }

    private static String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(REGISTRY_PORT);
    }

    private static HttpSchemaRegistryClient newClient() {
        return new HttpSchemaRegistryClient(List.of(registryUrl()), Duration.ofSeconds(5), Duration.ofSeconds(30), 100);
    }

    /** A new Topics each time: a new client with empty caches. */
    private static Topics topics() {
        return Topics.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()));
    }
}
