package org.kleline.ledger.embedded.timing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.kleline.ledger.embedded.kafka.EmbeddedKafka;
import org.kleline.ledger.embedded.kafka.EmbeddedKafkaMain;
import org.kleline.ledger.embedded.registry.SchemaRegistryConfig;
import org.kleline.ledger.embedded.registry.SchemaRegistryServer;

/**
 * Measures how soon the embedded infrastructure is usable, each case in a fresh JVM as a user
 * of {@code ledger run} would meet it:
 * <ol>
 *   <li>{@code new}: first start on an empty directory (format, topic creation);</li>
 *   <li>{@code existing}: restart after a clean close;</li>
 *   <li>{@code after-sigkill}: restart after the previous broker process was killed with
 *       SIGKILL (log recovery, the dead broker's session must expire).</li>
 * </ol>
 * For each: time from {@code EmbeddedKafka.start()} until it returns, until a produce and
 * consume round trip succeeds, and until a schema registry on that broker answers. Times are
 * measured inside the child JVM and exclude its own boot.
 *
 * <p>Run from the repository root with the number of rounds (1 to 20, each on a new temporary
 * directory), optionally followed by the child JVMs' options (default {@code -Xmx512m
 * -XX:+UseSerialGC}):
 * <pre>
 * ./mvnw -B -q -pl embedded compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "embedded/target/classes:$(cat embedded/target/classpath.txt)" \
 *     org.kleline.ledger.embedded.timing.StartupTimer 3
 * </pre>
 */
public final class StartupTimer {

    private static final String MEASURE = "--measure";
    private static final String RESULT_PREFIX = "RESULT ";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> DEFAULT_CHILD_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private StartupTimer() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(MEASURE)) {
            measure(Path.of(args[1]));
            return;
        }
        int rounds = args.length >= 1 ? Integer.parseInt(args[0]) : 1;
        if (rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("rounds must be between 1 and 20, was " + rounds);
        }
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : DEFAULT_CHILD_JVM_OPTIONS;
        System.out.println("child JVM options: " + String.join(" ", jvmOptions));
        System.out.println("Milliseconds from EmbeddedKafka.start() in a fresh JVM; cpu = the child JVM's CPU time,"
                + " boot included, which shows how much of the wait is contention for the cores.");
        System.out.println("case           start()   round trip   registry ready      cpu");
        for (int round = 1; round <= rounds; round++) {
            Path directory = Files.createTempDirectory("startup-timer-");
            print("new", childMeasure(directory, jvmOptions));
            print("existing", childMeasure(directory, jvmOptions));
            killBrokerProcess(directory, jvmOptions);
            print("after-sigkill", childMeasure(directory, jvmOptions));
            deleteRecursively(directory);
        }
    }

    /** Runs in the child JVM: starts, proves, reports, closes. */
    private static void measure(Path directory) throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(directory)) {
            long started = System.nanoTime();
            RoundTrip.produceAndConsume(kafka.bootstrapServers(), "startup-timer", STEP_TIMEOUT);
            long roundTrip = System.nanoTime();
            try (SchemaRegistryServer registry =
                    SchemaRegistryServer.start(SchemaRegistryConfig.defaults(kafka.bootstrapServers()))) {
                HttpResponse<String> subjects = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (subjects.statusCode() != 200) {
                    throw new IllegalStateException(
                            "registry answered " + subjects.statusCode() + ": " + subjects.body());
                }
                long registryReady = System.nanoTime();
                System.out.println(RESULT_PREFIX + millis(t0, started) + " " + millis(t0, roundTrip) + " "
                        + millis(t0, registryReady));
            }
        }
    }

    private static String childMeasure(Path directory, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Process child = javaProcess(jvmOptions, StartupTimer.class.getName(), MEASURE, directory.toString())
                .start();
        ProcessHandle handle = child.toHandle();
        long cpuMillis = 0;
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT_PREFIX)) {
                    result = line.substring(RESULT_PREFIX.length());
                    // Read while the child still lives: the figure is gone once it exits.
                    cpuMillis = handle.info()
                            .totalCpuDuration()
                            .map(Duration::toMillis)
                            .orElse(-1L);
                }
            }
        }
        if (!child.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || child.exitValue() != 0 || result == null) {
            child.destroyForcibly();
            throw new IllegalStateException("measurement on " + directory + " failed (exit "
                    + (child.isAlive() ? "none" : child.exitValue()) + ")");
        }
        return result + " " + cpuMillis;
    }

    /** Starts a broker in another JVM on {@code directory}, waits until it serves, then SIGKILLs it. */
    private static void killBrokerProcess(Path directory, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Process child = javaProcess(jvmOptions, EmbeddedKafkaMain.class.getName(), directory.toString())
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(EmbeddedKafkaMain.READY_PREFIX)) {
                // Skip anything before the ready line.
            }
            if (line == null) {
                throw new IllegalStateException("broker process on " + directory + " ended before it was ready");
            }
            RoundTrip.produceAndConsume(
                    line.substring(EmbeddedKafkaMain.READY_PREFIX.length()), "startup-timer", STEP_TIMEOUT);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the crashed broker on " + directory, e);
        } finally {
            child.destroyForcibly();
            child.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static ProcessBuilder javaProcess(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    private static void print(String name, String result) {
        String[] figures = result.split(" ");
        System.out.println(String.format(
                Locale.ROOT, "%-13s %8s %12s %16s %8s", name, figures[0], figures[1], figures[2], figures[3]));
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
