package org.kleline.ledger.cli.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code ledger} command in a JVM of its own, started from the shaded {@code target/ledger.jar} (the
 * integration tests run after {@code package}), so that a kill is a real SIGKILL of a real process. Its
 * output is appended to a log file (one per role, kept across restarts); {@link #awaitLine} waits for
 * a line starting with a prefix, which is how a role says it is ready.
 */
final class LedgerJarProcess {

    static final Path LEDGER_JAR = Path.of("target", "ledger.jar");

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final List<String> lines = new ArrayList<>();

    private LedgerJarProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -Xmx<heap> -XX:+UseSerialGC -jar target/ledger.jar args...}, its output appended to {@code log}. */
    static LedgerJarProcess start(String name, String heap, Path log, List<String> args) {
        if (!Files.isRegularFile(LEDGER_JAR)) {
            throw new IllegalStateException(LEDGER_JAR.toAbsolutePath() + " is missing: the integration tests of "
                    + "ledger-cli run after package, which builds it");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                LEDGER_JAR.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            LedgerJarProcess started = new LedgerJarProcess(name, process, log);
            Thread pump = new Thread(started::pump, name + "-output");
            pump.setDaemon(true);
            pump.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void pump() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write("---- " + name + " pid " + process.pid() + "\n");
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was killed while its output was read: what it wrote is in the log.
        } finally {
            synchronized (lines) {
                ended.complete(null);
                lines.notifyAll();
            }
        }
    }

    /** The first line starting with {@code prefix}, waiting for it up to {@code timeout}; fails if the process ends first. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (lines.get(seen).startsWith(prefix)) {
                        return lines.get(seen);
                    }
                }
                if (ended.isDone()) {
                    throw new IllegalStateException(name + " ended (exit " + exitCode() + ") before printing '" + prefix
                            + "'; see " + log.toAbsolutePath());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(name + " did not print '" + prefix + "' within " + timeout
                            + "; see " + log.toAbsolutePath());
                }
                lines.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Whether a line starting with {@code prefix} was printed already (no waiting). */
    boolean printed(String prefix) {
        synchronized (lines) {
            return lines.stream().anyMatch(line -> line.startsWith(prefix));
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException(name + " did not end within " + timeout + "; killed; see " + log);
        }
        awaitOutput();
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no commit, no close. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        awaitOutput();
    }

    /** SIGTERM (a clean stop), then SIGKILL after a minute. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        awaitOutput();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    private String exitCode() {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }

    private void awaitOutput() throws InterruptedException {
        try {
            ended.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The log has what was read; the exit code is what matters.
        }
    }
}
