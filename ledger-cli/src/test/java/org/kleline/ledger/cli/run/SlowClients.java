package org.kleline.ledger.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients that hold sockets: half send their request head a byte a second, half send a whole head and then their
 * body a byte a second, each faster than the server's idle timeout, so only the server's own bounds keep them
 * from holding its threads. Once told to fall silent, each must be cut off by the idle timeout.
 */
final class SlowClients {

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle;
    private final Duration idleTimeout;
    private long silentSince;

    private SlowClients(int port, int count, Duration idleTimeout) throws IOException {
        this.idleTimeout = idleTimeout;
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout((int) idleTimeout.multipliedBy(10).toMillis());
            String host = "Host: 127.0.0.1:" + port + "\r\n";
            String start = i % 2 == 0
                    ? "GET /v1/wallets/wl-0 HTTP/1.1\r\n" + host + "X-Slow: "
                    : "POST /v1/wallets/wl-0/top-ups HTTP/1.1\r\n" + host
                            + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"amount\":1";
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        trickle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "slow-clients");
            thread.setDaemon(true);
            return thread;
        });
        long everyMs = Math.max(100, idleTimeout.toMillis() / 3);
        trickle.scheduleAtFixedRate(this::oneByteEach, everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    static SlowClients open(int port, int count, Duration idleTimeout) throws IOException {
        return new SlowClients(port, count, idleTimeout);
    }

    private void oneByteEach() {
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // Cut off already: nothing more to send on it.
            }
        }
    }

    /** Stops sending: from now on, every socket is silent. */
    void fallSilent() throws InterruptedException {
        trickle.shutdownNow();
        trickle.awaitTermination(5, TimeUnit.SECONDS);
        silentSince = System.nanoTime();
    }

    /**
     * Reads each socket to its end (the server closing it, after an answer or not); fails when one is still open
     * ten idle timeouts after falling silent. Returns the time from falling silent to the last one closed.
     */
    Duration awaitAllClosed() throws IOException {
        try {
            for (Socket socket : sockets) {
                InputStream in = socket.getInputStream();
                try {
                    in.readAllBytes();
                } catch (java.net.SocketException e) {
                    // Reset by the server: closed all the same.
                }
            }
            return Duration.ofNanos(System.nanoTime() - silentSince);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
