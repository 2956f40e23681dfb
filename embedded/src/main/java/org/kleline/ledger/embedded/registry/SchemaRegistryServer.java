package org.kleline.ledger.embedded.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.embedded.registry.http.RegistryHttpHandler;
import org.kleline.ledger.embedded.registry.store.SchemaStore;

/**
 * A schema registry speaking the Confluent Schema Registry REST API (Avro schemas), storing
 * everything in a compacted Kafka topic, listening on the loopback interface. Meant for one
 * instance per schemas topic: reads are answered from memory, rebuilt from the topic on start.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final int BACKLOG = 64;
    private static final int QUEUED_REQUESTS_MAX = 256;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final SchemaStore store;
    private final RegistryAccess access;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SchemaRegistryServer(
            HttpServer server, ThreadPoolExecutor executor, SchemaStore store, RegistryAccess access) {
        this.access = access;
        this.server = server;
        this.executor = executor;
        this.store = store;
    }

    /** Creates the schemas topic when absent, reads it, then starts listening: plain HTTP, open reads. */
    public static SchemaRegistryServer start(SchemaRegistryConfig config) {
        return start(config, RegistryAccess.standard());
    }

    /** As above, guarded by {@code access} (owner's secret, basic authentication, TLS). */
    public static SchemaRegistryServer start(SchemaRegistryConfig config, RegistryAccess access) {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the
        // body waits for the client's delayed ACK and every answer takes 40 ms more. Read once,
        // when the JDK's server configuration is first loaded; an explicit setting wins.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        ObjectMapper json = new ObjectMapper();
        SchemaStore store = SchemaStore.open(config, json);
        HttpServer server;
        try {
            InetSocketAddress address = new InetSocketAddress(LoopbackPorts.address(), config.port());
            if (access.tls().isPresent()) {
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(access.tls().get()));
                server = https;
            } else {
                server = HttpServer.create(address, BACKLOG);
            }
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException(
                    "Cannot listen on " + LoopbackPorts.HOST + ":" + config.port() + " for the schema registry", e);
        }
        ThreadPoolExecutor executor = requestExecutor(config.requestThreads());
        server.setExecutor(executor);
        server.createContext("/", new RegistryHttpHandler(store, json, config.requestBodyMaxBytes(), access));
        server.start();
        return new SchemaRegistryServer(server, executor, store, access);
    }

    /** {@code http://127.0.0.1:port} ({@code https://} over TLS), the value for {@code schema.registry.url}. */
    public String url() {
        return (access.tls().isPresent() ? "https://" : "http://") + LoopbackPorts.HOST + ":" + port();
    }

    /**
     * The secret that lets a request change the configuration or delete ({@link RegistryAccess#OWNER_HEADER}):
     * for the process that started this registry only, never written anywhere.
     */
    public String ownerSecret() {
        return access.ownerSecret();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, lets running requests finish (5 s at most), and closes the Kafka clients. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop(0);
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        } finally {
            store.close();
        }
    }

    // Bounded: when the queue is full the dispatcher thread serves the request itself, which
    // slows accepting new connections instead of dropping them.
    private static ThreadPoolExecutor requestExecutor(int threads) {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS_MAX),
                runnable -> {
                    Thread thread = new Thread(runnable, "schema-registry-http-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
