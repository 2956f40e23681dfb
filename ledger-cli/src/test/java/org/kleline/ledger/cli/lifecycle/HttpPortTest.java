package org.kleline.ledger.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.server.LedgerHttpServer;

class HttpPortTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void whileHeldNoOtherSocketBindsThePortEvenAskingToReuseIt() throws IOException {
        try (HttpPort port = HttpPort.reserve(0)) {
            for (boolean reuse : new boolean[] {true, false}) {
                for (InetSocketAddress address :
                        List.of(new InetSocketAddress(LOOPBACK, port.number()), new InetSocketAddress(port.number()))) {
                    try (ServerSocket other = new ServerSocket()) {
                        other.setReuseAddress(reuse);
                        assertThatThrownBy(() -> other.bind(address))
                                .as("bind of %s with SO_REUSEADDR %s", address, reuse)
                                .isInstanceOf(BindException.class);
                    }
                }
            }
        }
    }

    @Test
    void whileHeldAFreePortChosenByAnyoneElseIsNeverIt() throws IOException {
        try (HttpPort port = HttpPort.reserve(0)) {
            List<Integer> chosen = new ArrayList<>();
            // As a second ledger run's broker and registry choose theirs.
            for (int free : LoopbackPorts.chooseFree(16)) {
                chosen.add(free);
            }
            List<ServerSocket> bound = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    ServerSocket anyPort = new ServerSocket(0);
                    bound.add(anyPort);
                    chosen.add(anyPort.getLocalPort());
                    ServerSocket loopbackPort = new ServerSocket(0, 1, LOOPBACK);
                    bound.add(loopbackPort);
                    chosen.add(loopbackPort.getLocalPort());
                }
            } finally {
                for (ServerSocket socket : bound) {
                    socket.close();
                }
            }
            assertThat(chosen).hasSize(48).doesNotContain(port.number());
        }
    }

    @Test
    void onceReleasedTheNumberBindsAndCanBeReservedAgain() throws IOException {
        HttpPort port = HttpPort.reserve(0);
        int number = port.number();
        assertThat(number).isBetween(1, 65_535);
        assertThat(port.held()).isTrue();

        port.release();
        assertThat(port.held()).isFalse();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(false);
            server.bind(new InetSocketAddress(LOOPBACK, number));
            assertThat(server.getLocalPort()).isEqualTo(number);
        }
        port.close(); // idempotent

        try (HttpPort again = HttpPort.reserve(number)) {
            assertThat(again.number()).isEqualTo(number);
        }
    }

    @Test
    void bindHandsTheHeldPortToTheServer() {
        try (HttpPort port = HttpPort.reserve(0);
                LedgerHttpServer server = port.bind(LedgerHttpServer.create(port.number(), List.of()))) {
            assertThat(port.held()).isFalse();
            assertThat(server.port()).isEqualTo(port.number());
        }
    }

    @Test
    void aServerConfiguredOnAnotherPortIsRefusedAndThePortStaysHeld() {
        try (HttpPort port = HttpPort.reserve(0)) {
            LedgerHttpServer elsewhere = LedgerHttpServer.create(HttpServerConfig.onPort(0), List.of());
            assertThatThrownBy(() -> port.bind(elsewhere))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the server is configured on port 0, the port held is " + port.number());
            assertThat(port.held()).isTrue();
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> HttpPort.reserve(-1))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("--port must be 0..65535, got -1");
        assertThatThrownBy(() -> HttpPort.reserve(65_536))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("--port must be 0..65535, got 65536");
    }

    @Test
    void aPortHeldByAnotherReservationIsAlreadyInUse() {
        try (HttpPort first = HttpPort.reserve(0)) {
            assertThatThrownBy(() -> HttpPort.reserve(first.number()))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageStartingWith(
                            "port " + first.number() + " is already in use (choose another with --port): ");
        }
    }
}
