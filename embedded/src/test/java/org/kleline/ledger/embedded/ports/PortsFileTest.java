package org.kleline.ledger.embedded.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsFileTest {

    @TempDir
    Path directory;

    @Test
    void aRememberedPortIsReadBackByANewInstance() {
        new PortsFile(directory).remember("kafka.broker.port", 41234);
        new PortsFile(directory).remember("schema-registry.port", 41235);

        PortsFile reread = new PortsFile(directory);
        assertThat(reread.remembered("kafka.broker.port")).hasValue(41234);
        assertThat(reread.remembered("schema-registry.port")).hasValue(41235);
        assertThat(reread.remembered("kafka.controller.port")).isEmpty();
    }

    @Test
    void aDamagedLineIsReportedNamingTheFileAndValue() throws IOException {
        Files.writeString(directory.resolve(PortsFile.FILE_NAME), "kafka.broker.port=eighty\n");

        assertThatThrownBy(() -> new PortsFile(directory).remembered("kafka.broker.port"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eighty")
                .hasMessageContaining(PortsFile.FILE_NAME);
    }

    @Test
    void anOutOfRangePortIsRefused() {
        assertThatThrownBy(() -> new PortsFile(directory).remember("kafka.broker.port", 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
