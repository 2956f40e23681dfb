package org.kleline.ledger.cli.lifecycle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The HTTP port, settled before anything starts: the projector announces it to the other nodes
 * ({@code application.server}) before the server is bound, and a port already taken should fail the
 * start at once rather than after the broker and projector have come up.
 */
public final class HttpPort {

    private HttpPort() {}

    /** {@code requested} when it is free; a free port when it is 0; otherwise a {@link StartupFailure}. */
    public static int settle(int requested) {
        if (requested < 0 || requested > 65_535) {
            throw new StartupFailure("--port must be 0..65535, got " + requested);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(requested));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new StartupFailure(
                    "port " + requested + " is already in use (choose another with --port): " + e.getMessage(), e);
        }
    }
}
