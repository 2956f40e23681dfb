package org.kleline.ledger.embedded.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.kafka.EmbeddedKafka;

/** The schemas topic as the store opens it, on the class's broker; each test has topics of its own. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SchemasTopicIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aTopicJustCreatedIsWrittenAndReadBackAtOnce(EmbeddedKafka kafka) throws Exception {
        for (int i = 0; i < 10; i++) {
            String name = "_schemas-new-" + i;
            try (SchemasTopic topic = SchemasTopic.open(kafka.bootstrapServers(), name, (short) 1, TIMEOUT)) {
                long offset = topic.write("key-" + i, "value-" + i);

                assertThat(offset).as(name).isZero();
                assertThat(readAll(topic)).as(name).containsExactly("key-" + i + "=value-" + i);
            }
        }
    }

    @Test
    void anExistingTopicIsOpenedAgainWithItsRecords(EmbeddedKafka kafka) throws Exception {
        try (SchemasTopic first = SchemasTopic.open(kafka.bootstrapServers(), "_schemas-again", (short) 1, TIMEOUT)) {
            first.write("a", "1");
        }

        try (SchemasTopic again = SchemasTopic.open(kafka.bootstrapServers(), "_schemas-again", (short) 1, TIMEOUT)) {
            assertThat(readAll(again)).containsExactly("a=1");
        }
    }

    @Test
    void anExistingTopicOfSeveralPartitionsIsRefused(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("_schemas-three", 3, (short) 1)))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        assertThatThrownBy(() -> SchemasTopic.open(kafka.bootstrapServers(), "_schemas-three", (short) 1, TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'_schemas-three' has 3 partitions");
    }

    private static List<String> readAll(SchemasTopic topic) throws SchemasTopic.StoreFailure {
        List<String> read = new ArrayList<>();
        topic.readToEnd((offset, record) -> read.add(record.key() + "=" + record.value()));
        return read;
    }
}
