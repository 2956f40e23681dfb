package org.kleline.ledger.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPropertiesTest {

    @Test
    void laterLayersWinFileThenOverridesThenOptions(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("client.properties"), """
                bootstrap.servers=file:9092
                schema.registry.url=http://file:8081
                security.protocol=SSL
                ssl.truststore.location=/etc/file.jks
                """);
        ClientProperties props = ClientProperties.layered(
                file, List.of("security.protocol=SASL_SSL", "sasl.jaas.config=a b=c;"), "option:9092", null);

        assertThat(props.values())
                .containsEntry("bootstrap.servers", "option:9092")
                .containsEntry("schema.registry.url", "http://file:8081")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/file.jks")
                .containsEntry("sasl.jaas.config", "a b=c;")
                .hasSize(5);
    }

    @Test
    void bothAddressesAreRequired() {
        assertThatThrownBy(() -> ClientProperties.layered(null, List.of(), null, "http://r:8081"))
                .hasMessageContaining("--bootstrap-servers is required");
        assertThatThrownBy(() -> ClientProperties.layered(null, List.of("bootstrap.servers=b:9092"), null, null))
                .hasMessageContaining("--schema-registry-url is required");
    }

    @Test
    void anOverrideNeedsAKey() {
        assertThatThrownBy(() -> ClientProperties.layered(null, List.of("=x"), "b:9092", "http://r:8081"))
                .hasMessage("-X takes key=value, got '=x'");
    }

    @Test
    void anUnreadableFileIsNamed(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing.properties");
        assertThatThrownBy(() -> ClientProperties.layered(missing, List.of(), "b:9092", "http://r:8081"))
                .hasMessageContaining("--client-config: cannot read " + missing);
    }

    @Test
    void theClientMapIsAFreshCopy() {
        ClientProperties props = ClientProperties.layered(null, List.of(), "b:9092", "http://r:8081");
        props.asClientMap().put("acks", "0");
        assertThat(props.values()).doesNotContainKey("acks");
    }
}
