package org.kleline.ledger.projector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.errors.ProjectorMetrics;

/** Every client the projector makes beside Streams' own gets the client settings Streams' clients get. */
class ProjectorClientConfigsTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"ledger\" password=\"secret\";";

    /** What `ledger node -X ... --client-config ...` hands the projector against a SASL_SSL cluster. */
    private static Properties secured() {
        Properties p = new Properties();
        p.put(ProjectorSettings.BOOTSTRAP_SERVERS, "kafka-1:9093");
        p.put(ProjectorSettings.SCHEMA_REGISTRY_URL, "https://registry:8081");
        p.put(ProjectorSettings.APPLICATION_ID, "ledger-prod");
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", JAAS);
        p.put("ssl.truststore.location", "/etc/ledger/truststore.jks");
        p.put("ssl.truststore.password", "changeit");
        p.put("client.dns.lookup", "use_all_dns_ips");
        return p;
    }

    private static ProjectorClientConfigs configsOf(Properties props) {
        try (ProjectorMetrics metrics = new ProjectorMetrics("t")) {
            return new ProjectorClientConfigs(
                    StreamsConfigFactory.build(ProjectorSettings.from(props), props, metrics));
        }
    }

    private static final Map<String, Object> SECURITY = Map.of(
            "bootstrap.servers", "kafka-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/ledger/truststore.jks",
            "ssl.truststore.password", "changeit",
            "client.dns.lookup", "use_all_dns_ips");

    @Test
    void theAdminClientGetsEverySecuritySetting() {
        Map<String, Object> admin = configsOf(secured()).admin("ledger-prod-admin");
        assertThat(admin).containsAllEntriesOf(SECURITY).containsEntry("client.id", "ledger-prod-admin");
    }

    @Test
    void aPlainConsumerGetsEverySecuritySettingAndReadsCommittedWithoutAGroup() {
        Map<String, Object> consumer = configsOf(secured()).plainConsumer("ledger-prod-merchant-directory");
        assertThat(consumer)
                .containsAllEntriesOf(SECURITY)
                .containsEntry("client.id", "ledger-prod-merchant-directory")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("auto.offset.reset", "earliest")
                .doesNotContainKeys("group.id", "group.instance.id");
    }

    @Test
    void keysNoKafkaClientKnowsStayOut() {
        ProjectorClientConfigs configs = configsOf(secured());
        for (Map<String, Object> client : List.of(configs.admin("a"), configs.plainConsumer("c"))) {
            assertThat(client)
                    .doesNotContainKeys(
                            "schema.registry.url",
                            "application.id",
                            "processing.guarantee",
                            "ledger.rocksdb.memory.bytes",
                            "producer.acks",
                            "consumer.isolation.level");
        }
    }

    @Test
    void clientPrefixedSettingsApplyToTheirClientOnly() {
        Properties p = secured();
        p.put("admin.request.timeout.ms", "12345");
        p.put("consumer.fetch.max.wait.ms", "77");
        p.put("consumer.sasl.mechanism", "SCRAM-SHA-512");
        ProjectorClientConfigs configs = configsOf(p);
        assertThat(configs.admin("a"))
                .containsEntry("request.timeout.ms", "12345")
                .containsEntry("sasl.mechanism", "PLAIN")
                .doesNotContainKey("fetch.max.wait.ms");
        assertThat(configs.plainConsumer("c"))
                .containsEntry("fetch.max.wait.ms", "77")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("request.timeout.ms");
    }

    @Test
    void aStaticGroupMemberIdForStreamsNeverReachesAPlainConsumer() {
        Properties p = secured();
        p.put("group.instance.id", "ledger-run");
        p.put("consumer.isolation.level", "read_uncommitted");
        Map<String, Object> consumer = configsOf(p).plainConsumer("c");
        assertThat(consumer)
                .doesNotContainKeys("group.id", "group.instance.id")
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void theProjectorsOwnClientsAreDerivedFromItsProperties() {
        try (Projector projector = new Projector(secured())) {
            assertThat(projector.clientConfigs().admin("ledger-prod-admin")).containsAllEntriesOf(SECURITY);
            assertThat(projector.clientConfigs().plainConsumer("ledger-prod-merchant-directory"))
                    .containsAllEntriesOf(SECURITY);
        }
    }
}
