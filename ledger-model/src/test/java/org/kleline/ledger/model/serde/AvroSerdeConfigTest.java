package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void defaultsAreWrittenOut() {
        AvroSerdeConfig config =
                AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081"));

        assertThat(config)
                .isEqualTo(new AvroSerdeConfig(
                        List.of("http://registry:8081"),
                        true,
                        false,
                        true,
                        Duration.ofMillis(5_000),
                        Duration.ofMillis(10_000),
                        1_000,
                        RegistrySecurity.NONE));
    }

    @Test
    void commaSeparatedUrlsKeepTheirOrder() {
        AvroSerdeConfig config = AvroSerdeConfig.from(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081, http://b:8081,https://c/registry"));

        assertThat(config.registryUrls()).containsExactly("http://a:8081", "http://b:8081", "https://c/registry");
    }

    @Test
    void valuesMayBeStringsAsInAPropertiesFile() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
                AvroSerdeConfig.USE_LATEST_VERSION, "true",
                AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, "250",
                AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "750",
                AvroSerdeConfig.SCHEMAS_PER_SUBJECT_MAX, "16"));

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.cacheCapacity()).isEqualTo(16);
    }

    @Test
    void clientWithoutUrlIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("bootstrap.servers", "localhost:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration \"schema.registry.url\"");
    }

    @Test
    void mockUrlMustStandAlone() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(
                        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://a,http://b:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mock://a,http://b:8081")
                .hasMessageContaining("must be the only one");
    }

    @Test
    void urlOfAnotherSchemeIsRefusedNamingIt() {
        assertThatThrownBy(() ->
                        SchemaRegistryClients.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "ftp://registry")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ftp://registry");
    }

    @Test
    void httpUrlGivesAnHttpClientWithTrailingSlashesTrimmed() {
        SchemaRegistryClient client = SchemaRegistryClients.create(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081/,http://b:8081"));

        assertThat(client)
                .isInstanceOfSatisfying(
                        HttpSchemaRegistryClient.class,
                        http -> assertThat(http.baseUrls()).containsExactly("http://a:8081", "http://b:8081"));
    }

    @Test
    void mockUrlGivesTheScopesRegistry() {
        assertThat(SchemaRegistryClients.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://config-test")))
                .isSameAs(InMemorySchemaRegistry.forScope("config-test"));
        InMemorySchemaRegistry.dropScope("config-test");
    }

    @Test
    void otherSubjectNameStrategiesAreRefused() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        "mock://x",
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("RecordNameStrategy");
    }

    @Test
    void topicNameStrategyMayBeNamedExplicitly() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://x",
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                AvroSerdeConfig.TOPIC_NAME_STRATEGY));

        assertThat(config.registryUrls()).containsExactly("mock://x");
    }

    @Test
    void malformedBooleanIsRefusedNamingKeyAndValue() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas")
                .hasMessageContaining("yes");
    }

    @Test
    void timeoutOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 0)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.read.timeout.ms");
    }

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        assertThat(SubjectNames.forTopic("ledger.events", false)).isEqualTo("ledger.events-value");
        assertThat(SubjectNames.forTopic("ledger.events", true)).isEqualTo("ledger.events-key");
        assertThatThrownBy(() -> SubjectNames.forTopic(" ", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic must not be blank");
    }
}
