package org.kleline.ledger.projector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.errors.ProjectorMetrics;

class StreamsConfigFactoryTest {

    private static Properties base() {
        Properties p = new Properties();
        p.put(ProjectorSettings.BOOTSTRAP_SERVERS, "localhost:9092");
        p.put(ProjectorSettings.SCHEMA_REGISTRY_URL, "mock://config-test");
        return p;
    }

    @Test
    void exactlyOnceAndEverySafetySettingAreWrittenOut() {
        try (ProjectorMetrics metrics = new ProjectorMetrics("t")) {
            Properties p = StreamsConfigFactory.build(ProjectorSettings.from(base()), base(), metrics);
            assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
            assertThat(p.get("producer.acks")).isEqualTo("all");
            assertThat(p.get("producer.enable.idempotence")).isEqualTo("true");
            assertThat(p.get("consumer.isolation.level")).isEqualTo("read_committed");
            assertThat(p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("3");
            assertThat(p.get("topic.min.insync.replicas")).isEqualTo("2");
            assertThat(p.get("topic.unclean.leader.election.enable")).isEqualTo("false");
            assertThat(p.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isEqualTo("true");
            assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
                    .isEqualTo("ledger.events.dlq");
            assertThat(p.get(ProjectorSettings.ROCKSDB_MEMORY_BYTES)).isEqualTo(Long.toString(256L * 1024 * 1024));
            new StreamsConfig(p);
        }
    }

    @Test
    void thePropertiesFileOverridesEveryDefault() {
        Properties overrides = base();
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
        overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        overrides.put(ProjectorSettings.REPLICATION, "1");
        try (ProjectorMetrics metrics = new ProjectorMetrics("t")) {
            Properties p = StreamsConfigFactory.build(ProjectorSettings.from(overrides), overrides, metrics);
            assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
            assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("1000");
            assertThat(p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("1");
            assertThat(p.get("topic.min.insync.replicas")).isEqualTo("1");
        }
    }

    @Test
    void aBadSettingNamesTheKeyAndTheValue() {
        Properties p = base();
        p.put(ProjectorSettings.PARTITIONS, "six");
        assertThatThrownBy(() -> ProjectorSettings.from(p))
                .hasMessage("ledger.topics.partitions is not a number: 'six'");
        Properties q = base();
        q.put(ProjectorSettings.MERCHANT_WAIT_TIMEOUT_MS, "90000");
        assertThatThrownBy(() -> ProjectorSettings.from(q))
                .hasMessageContaining("ledger.merchants.wait.timeout.ms must be 0..20000, got 90000");
        Properties r = base();
        r.remove(ProjectorSettings.BOOTSTRAP_SERVERS);
        assertThatThrownBy(() -> ProjectorSettings.from(r)).hasMessageContaining("bootstrap.servers is required");
    }
}
