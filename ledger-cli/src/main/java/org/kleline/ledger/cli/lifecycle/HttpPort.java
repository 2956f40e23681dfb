package org.kleline.ledger.cli.lifecycle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.kleline.ledger.web.server.LedgerHttpServer;

/**
 * The HTTP port, settled before anything starts and held until the server binds it. The projector announces
 * the port to the other nodes ({@code application.server}) before the server is bound, and a port already taken
 * should fail the start at once rather than after the broker and projector have come up.
 *
 * <p>Held, not only chosen: the port stays bound by a socket of this process from {@link #reserve} until
 * {@link #bind} hands it to the server, so no other process choosing a free port in between (a second
 * {@code ledger run --port 0} starting its broker) is given the same number. The socket listens on every
 * interface, so the kernel refuses any other bind of the port, on any address, while it is held.
 *
 * <p>Whoever reserves a port closes it ({@code try}-with-resources, or a {@link Services} part): after {@link #bind}
 * closing is a no-op, and on a failed start it gives the port back.
 */
public final class HttpPort implements AutoCloseable {

    private final ServerSocket held;
    private final int number;

    private HttpPort(ServerSocket held) {
        this.held = held;
        this.number = held.getLocalPort();
    }

    /** {@code requested} when it is free; a free port when it is 0; otherwise a {@link StartupFailure}. Held until released. */
    public static HttpPort reserve(int requested) {
        if (requested < 0 || requested > 65_535) {
            throw new StartupFailure("--port must be 0..65535, got " + requested);
        }
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            // As the server's own connector does: a port whose last connections linger in TIME_WAIT can be bound.
            // It never lets another socket bind a port this one holds (Linux refuses any bind of a listening port).
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(requested), 1);
            return new HttpPort(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new StartupFailure(
                    "port " + requested + " is already in use (choose another with --port): " + e.getMessage(), e);
        }
    }

    /** The port's number (the one chosen when 0 was requested). */
    public int number() {
        return number;
    }

    /**
     * Starts {@code server} on the port, releasing it once the rest of the server has started, just before the
     * server binds it: the only moment another process could take it. {@code server} must be configured on
     * {@link #number()}.
     */
    public LedgerHttpServer bind(LedgerHttpServer server) {
        if (server.configuredPort() != number) {
            throw new IllegalArgumentException(
                    "the server is configured on port " + server.configuredPort() + ", the port held is " + number);
        }
        return server.start(this::release);
    }

    /** Gives the port back without binding it (a start that failed). Idempotent. */
    public void release() {
        closeQuietly(held);
    }

    /** Whether the port is still held by this process. */
    public boolean held() {
        return !held.isClosed();
    }

    @Override
    public void close() {
        release();
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a listening socket that accepted nothing has nothing to flush: the port is free either way.
        }
    }
}
