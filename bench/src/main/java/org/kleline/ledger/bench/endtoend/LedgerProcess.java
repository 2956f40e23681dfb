package org.kleline.ledger.bench.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ledger run} in a JVM of its own, started from the shaded jar with the given JVM options
 * (an explicit {@code -Xmx} among them) on a data directory and {@code --port 0}. Its output goes to a
 * log file; the addresses it prints once ready (HTTP API, Kafka, schema registry) are read from it, so
 * the port the ledger picked is the one used, with no window for another process to take it.
 */
final class LedgerProcess implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern HTTP = Pattern.compile("^\\s*HTTP API\\s+http://localhost:(\\d+)");
    private static final Pattern KAFKA = Pattern.compile("^\\s*Kafka\\s+(\\S+)");
    private static final Pattern REGISTRY = Pattern.compile("^\\s*Schema registry\\s+(\\S+)");
    private static final String READY = "Press Ctrl-C to stop.";

    /** Where {@code ledger run} writes the admin key of a new data directory (the secret alone). */
    private static final String ADMIN_KEY_FILE = "admin.key";

    /**
     * What the ledger printed once ready.
     *
     * @param apiKey the admin key {@code ledger run} made for the data directory ({@code admin.key})
     */
    record Addresses(URI http, String bootstrapServers, String schemaRegistryUrl, String apiKey) {}

    private final Process process;
    private final Addresses addresses;
    private final Path log;
    private final Thread killOnExit;

    private LedgerProcess(Process process, Addresses addresses, Path log, Thread killOnExit) {
        this.process = process;
        this.addresses = addresses;
        this.log = log;
        this.killOnExit = killOnExit;
    }

    /** Starts {@code ledger run} and returns once it printed that it is ready. */
    static LedgerProcess start(Path ledgerJar, List<String> jvmOptions, Path dataDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ledgerJar.toString(), "run", "--port", "0", "--data-dir", dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // A benchmark stopped with Ctrl-C must not leave a ledger running.
        Thread killOnExit = new Thread(process::destroyForcibly, "ledger-run-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        CompletableFuture<Addresses> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, dataDir, ready), "ledger-run-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new LedgerProcess(process, ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS), log, killOnExit);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "ledger run did not get ready within " + READY_TIMEOUT.toSeconds() + " s (" + e + "); see " + log,
                    e);
        }
    }

    /** Copies the output to the log and reads the addresses from it. */
    private static void pump(Process process, Path log, Path dataDir, CompletableFuture<Addresses> ready) {
        String port = null;
        String kafka = null;
        String registry = null;
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m;
                if ((m = HTTP.matcher(line)).find()) {
                    port = m.group(1);
                } else if ((m = KAFKA.matcher(line)).find()) {
                    kafka = m.group(1);
                } else if ((m = REGISTRY.matcher(line)).find()) {
                    registry = m.group(1);
                } else if (line.startsWith(READY) && port != null && kafka != null && registry != null) {
                    ready.complete(new Addresses(
                            URI.create("http://127.0.0.1:" + port),
                            kafka,
                            registry,
                            Files.readString(dataDir.resolve(ADMIN_KEY_FILE)).trim()));
                }
            }
            ready.completeExceptionally(new IllegalStateException(
                    "ledger run ended with exit code " + process.waitFor() + " before it was ready"));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    Addresses addresses() {
        return addresses;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A field of {@code /proc/<pid>/status} in KiB: {@code VmHWM} is the peak resident set, {@code VmRSS} the current one. */
    long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(
                        line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    /** SIGTERM (the ledger's clean shutdown), then SIGKILL if it has not ended within {@link #STOP_TIMEOUT}. */
    @Override
    public void close() throws InterruptedException {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
