package org.kleline.ledger.cli.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code ledger run} tells the commands beside it, in {@value #FILE_NAME} of its data
 * directory: the broker's bootstrap servers, the schema registry URL, the HTTP API URL and the settlement
 * zone, so that {@code ledger verify --data-dir} needs no address typed (and no zone that could differ
 * from the run's and make every settlement row a false difference).
 *
 * <p>The file also names the process that wrote it (pid and start instant). A run killed without its
 * shutdown hook leaves the file behind; its ports then answer nothing, or something else, so a reader
 * checks that the writer is still alive before following the addresses, and says so at once instead of
 * waiting on a dead port.
 *
 * @param processStart when the writing process started, when the platform tells it
 */
public record RunAddresses(
        String bootstrapServers,
        String schemaRegistryUrl,
        URI apiUrl,
        ZoneId settlementZone,
        long pid,
        Optional<Instant> processStart) {

    public static final String FILE_NAME = "ledger-run.properties";

    static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String API_URL = "api.url";
    static final String SETTLEMENT_ZONE = "settlement.zone";
    static final String PID = "pid";
    static final String PROCESS_START = "process.start";
    /**
     * A process's start instant is derived from the boot time, which Linux reports to the second and may
     * shift by one under clock adjustment: readings of the same process agree within this. A pid reused
     * by a later process started after the run was ready, seconds after the run's own start.
     */
    static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    public RunAddresses {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(settlementZone, "settlementZone");
        Objects.requireNonNull(processStart, "processStart");
    }

    /** The addresses of a run in this process. */
    public static RunAddresses ofThisProcess(
            String bootstrapServers, String schemaRegistryUrl, URI apiUrl, ZoneId settlementZone) {
        ProcessHandle self = ProcessHandle.current();
        return new RunAddresses(
                bootstrapServers,
                schemaRegistryUrl,
                apiUrl,
                settlementZone,
                self.pid(),
                self.info().startInstant());
    }

    /**
     * Writes the file into {@code dataDir}, whole or not at all (a temporary file moved over it), so a
     * reader never sees half of it. Closing the answer removes the file: {@code ledger run} does it first
     * thing when it stops.
     */
    public Written writeTo(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
        Properties p = new Properties();
        p.setProperty(BOOTSTRAP_SERVERS, bootstrapServers);
        p.setProperty(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        p.setProperty(API_URL, apiUrl.toString());
        p.setProperty(SETTLEMENT_ZONE, settlementZone.getId());
        p.setProperty(PID, Long.toString(pid));
        processStart.ifPresent(start -> p.setProperty(PROCESS_START, start.toString()));
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                p.store(
                        out,
                        "The addresses of the ledger run (pid " + pid + ") on this data directory, for "
                                + "`ledger verify --data-dir`; removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e, e);
        }
        return new Written(file);
    }

    /**
     * The addresses of the run on {@code dataDir}; a {@link RunNotFound} saying why when there is none
     * to follow: no file (no run, or one stopped cleanly), a file that cannot be read, or a file left by
     * a run that is no longer alive.
     */
    public static RunAddresses readFrom(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new RunNotFound("no ledger run on " + dataDir + " (--data-dir): " + FILE_NAME + " is missing; a "
                    + "`ledger run --data-dir " + dataDir + "` writes it once it is ready and removes it when it "
                    + "stops");
        } catch (IOException | IllegalArgumentException e) {
            throw new RunNotFound("cannot read " + file + " (--data-dir): " + e.getMessage());
        }
        RunAddresses addresses;
        try {
            String start = p.getProperty(PROCESS_START);
            addresses = new RunAddresses(
                    required(p, BOOTSTRAP_SERVERS),
                    required(p, SCHEMA_REGISTRY_URL),
                    URI.create(required(p, API_URL)),
                    ZoneId.of(required(p, SETTLEMENT_ZONE)),
                    Long.parseLong(required(p, PID)),
                    start == null ? Optional.empty() : Optional.of(Instant.parse(start)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new RunNotFound(file + " is not the file of a ledger run (--data-dir): " + e.getMessage());
        }
        if (!addresses.writerAlive()) {
            throw new RunNotFound(file + " is stale: the ledger run that wrote it (pid " + addresses.pid()
                    + addresses.processStart().map(s -> ", started " + s).orElse("")
                    + ") is no longer running, so its addresses lead nowhere; start `ledger run --data-dir "
                    + dataDir + "` again, or give the addresses");
        }
        return addresses;
    }

    /** Whether the process that wrote the file is still running: its pid alive, and not reused by another. */
    boolean writerAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        if (processStart.isEmpty() || started.isEmpty()) {
            return true;
        }
        return Duration.between(processStart.get(), started.get()).abs().compareTo(START_TOLERANCE) <= 0;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value.trim();
    }

    /** The file as written; closing it removes it, so that no command follows the addresses of a stopped run. */
    public record Written(Path file) implements AutoCloseable {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove " + file + ": " + e, e);
            }
        }
    }
}
