package org.kleline.ledger.embedded.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void chosenPortsAreDistinctAndFree() {
        int[] ports = LoopbackPorts.chooseFree(3);

        assertThat(ports).hasSize(3).doesNotHaveDuplicates();
        for (int port : ports) {
            assertThat(port).isBetween(1, 65535);
            assertThatCode(() -> LoopbackPorts.requireFree(port, "test", "nowhere"))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aPortHeldByAnotherSocketIsReportedWithItsOrigin() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(LoopbackPorts.address(), 0));
            int port = holder.getLocalPort();

            assertThatThrownBy(() -> LoopbackPorts.requireFree(port, "Kafka broker", "/data/ports.properties"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka broker port " + port)
                    .hasMessageContaining("/data/ports.properties");
        }
    }
}
