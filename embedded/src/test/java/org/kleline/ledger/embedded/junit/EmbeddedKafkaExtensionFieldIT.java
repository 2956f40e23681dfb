package org.kleline.ledger.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a test class that registers the extension as a field, then checks what it left behind. */
class EmbeddedKafkaExtensionFieldIT {

    @Test
    void aRegisteredFieldOffersTheAddressesAndItsDirectoryIsDeletedAfterTheClass() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UsesTheExtensionAsAField.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(UsesTheExtensionAsAField.bootstrapServers).startsWith("127.0.0.1:");
        assertThat(UsesTheExtensionAsAField.schemaRegistryUrl).startsWith("http://127.0.0.1:");
        assertThat(UsesTheExtensionAsAField.dataDirectory).isNotNull();
        assertThat(Files.exists(UsesTheExtensionAsAField.dataDirectory)).isFalse();
    }

    /** Not run by failsafe itself (nested classes are excluded); run above through the test kit. */
    static class UsesTheExtensionAsAField {

        @RegisterExtension
        static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

        static volatile String bootstrapServers;
        static volatile String schemaRegistryUrl;
        static volatile Path dataDirectory;

        @Test
        void seesTheRunningInfrastructure() {
            bootstrapServers = KAFKA.bootstrapServers();
            schemaRegistryUrl = KAFKA.schemaRegistryUrl();
            dataDirectory = KAFKA.infrastructure().dataDirectory();
            assertThat(Files.isDirectory(dataDirectory)).isTrue();
        }
    }
}
