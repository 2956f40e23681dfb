package org.kleline.ledger.embedded.ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free ports on the loopback interface, for servers that cannot bind to port 0 themselves. */
public final class LoopbackPorts {

    public static final String HOST = "127.0.0.1";

    private LoopbackPorts() {}

    public static InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    /**
     * Chooses {@code count} distinct free ports. All sockets are held open until every port is
     * known, so the kernel cannot hand the same port out twice.
     */
    public static int[] chooseFree(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(address(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free loopback ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The port was only probed; nothing to release beyond the descriptor.
                }
            }
        }
    }

    /** Fails with a message naming the port and where it comes from when another process holds it. */
    public static void requireFree(int port, String what, Object rememberedIn) {
        requireValid(port, what);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address(), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The " + what + " port " + port + " (remembered in " + rememberedIn
                            + ") is in use on " + HOST
                            + ", perhaps by another broker on the same data directory; stop that"
                            + " process, or delete the line to have a new port chosen (the address then changes)",
                    e);
        }
    }

    static void requireValid(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " port must be between 1 and 65535, was " + port);
        }
    }
}
