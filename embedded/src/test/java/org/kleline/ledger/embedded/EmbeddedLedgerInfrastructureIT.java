package org.kleline.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.ports.PortsFile;
import org.kleline.ledger.embedded.registry.RegistryTestAccess;

class EmbeddedLedgerInfrastructureIT {

    private static final String PAYMENT_V1 = """
            {"type":"record","name":"Payment","fields":[{"name":"amountMinor","type":"long"}]}""";
    private static final String PAYMENT_V2 = """
            {"type":"record","name":"Payment","fields":[{"name":"amountMinor","type":"long"},
              {"name":"currency","type":"string","default":"EUR"}]}""";
    private static final String PAYOUT_V1 = """
            {"type":"record","name":"Payout","fields":[{"name":"amountMinor","type":"long"}]}""";

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartOfBrokerAndRegistryKeepsAddressesIdsVersionsAndLevels() {
        String bootstrap;
        String registryUrl;
        int paymentV1;
        int paymentV2;
        try (EmbeddedLedgerInfrastructure first = EmbeddedLedgerInfrastructure.start(dataDirectory)) {
            bootstrap = first.bootstrapServers();
            registryUrl = first.schemaRegistryUrl();
            RegistryTestAccess registry =
                    new RegistryTestAccess(registryUrl, first.schemaRegistry().ownerSecret());
            paymentV1 = registry.register("payments-value", PAYMENT_V1);
            paymentV2 = registry.register("payments-value", PAYMENT_V2);
            assertThat(registry.register("refunds-value", PAYMENT_V1)).isEqualTo(paymentV1);
            registry.setLevel("refunds-value", "FULL");
        }

        try (EmbeddedLedgerInfrastructure second = EmbeddedLedgerInfrastructure.start(dataDirectory)) {
            RegistryTestAccess registry = new RegistryTestAccess(second.schemaRegistryUrl());

            assertThat(second.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(second.schemaRegistryUrl()).isEqualTo(registryUrl);
            assertThat(registry.schemaById(paymentV1))
                    .contains("\"amountMinor\"")
                    .doesNotContain("currency");
            assertThat(registry.schemaById(paymentV2)).contains("\"currency\"");
            assertThat(registry.versions("payments-value")).containsExactly(1, 2);
            assertThat(registry.lookUpId("refunds-value", PAYMENT_V1)).isEqualTo(paymentV1);
            assertThat(registry.level("refunds-value")).isEqualTo("FULL");
            assertThat(registry.register("payouts-value", PAYOUT_V1)).isEqualTo(paymentV2 + 1);
        }
    }

    @Test
    void theRegistryPortIsRememberedBesideTheBrokerPorts() {
        try (EmbeddedLedgerInfrastructure infrastructure = EmbeddedLedgerInfrastructure.start(dataDirectory)) {
            PortsFile ports = new PortsFile(dataDirectory);

            assertThat(infrastructure.schemaRegistryUrl())
                    .isEqualTo("http://127.0.0.1:"
                            + ports.remembered(EmbeddedLedgerInfrastructure.SCHEMA_REGISTRY_PORT_KEY)
                                    .orElseThrow());
            assertThat(List.of(infrastructure.bootstrapServers(), infrastructure.schemaRegistryUrl()))
                    .allMatch(address -> address.contains("127.0.0.1:"));
        }
    }
}
