package org.kleline.ledger.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.kafka.EmbeddedKafka;
import org.kleline.ledger.embedded.registry.RegistryTestAccess;
import org.kleline.ledger.embedded.registry.SchemaRegistryServer;

@ExtendWith(EmbeddedKafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaExtensionIT {

    private static EmbeddedLedgerInfrastructure fromBeforeAll;

    @BeforeAll
    static void capture(EmbeddedLedgerInfrastructure infrastructure) {
        fromBeforeAll = infrastructure;
    }

    @Test
    @Order(1)
    void everyResolvedTypeIsPartOfTheOneInfrastructureOfTheClass(
            EmbeddedLedgerInfrastructure infrastructure, EmbeddedKafka kafka, SchemaRegistryServer registry) {
        assertThat(infrastructure).isSameAs(fromBeforeAll);
        assertThat(kafka).isSameAs(infrastructure.kafka());
        assertThat(registry).isSameAs(infrastructure.schemaRegistry());
        assertThat(infrastructure.dataDirectory().getFileName().toString()).startsWith("embedded-kafka-");
    }

    @Test
    @Order(2)
    void theBrokerAndTheRegistryServe(EmbeddedLedgerInfrastructure infrastructure) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        assertThat(new RegistryTestAccess(infrastructure.schemaRegistryUrl()).status("/subjects"))
                .isEqualTo(200);
    }

    @Nested
    class NestedTests {

        @Test
        void aNestedClassSharesItsEnclosingClassesInfrastructure(EmbeddedLedgerInfrastructure infrastructure) {
            assertThat(infrastructure).isSameAs(fromBeforeAll);
        }
    }
}
