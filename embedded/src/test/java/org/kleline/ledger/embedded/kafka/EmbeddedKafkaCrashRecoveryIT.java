package org.kleline.ledger.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker process killed with SIGKILL (no shutdown hook, no flush, its registration still live
 * in the controller's log) must come back on the same directory with its data, quickly.
 */
class EmbeddedKafkaCrashRecoveryIT {

    /** The start-up aim is 5 s on the build machine; the deadline leaves room for a loaded one. */
    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    private Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrokerKilledWithSigkillRestartsOnTheSameDirectoryWithItsDataAndAddress() throws Exception {
        child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedKafkaMain.class.getName(),
                        dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String childAddress = readyAddress(child).get(READY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        KafkaClients.produceCommitted(childAddress, "ledger.events", "before-crash", List.of("opened", "topped-up"));

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);

        long restartNanos = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(dataDirectory)
                .startupTimeout(READY_DEADLINE)
                .start()) {
            assertThat(kafka.bootstrapServers()).isEqualTo(childAddress);
            // start() returns once the broker is unfenced; the deadline bounds the whole way
            // from restart to a committed write.
            await().atMost(READY_DEADLINE.minusNanos(System.nanoTime() - restartNanos))
                    .until(() -> {
                        try {
                            KafkaClients.produceCommitted(
                                    kafka.bootstrapServers(), "ledger.events", "after-crash", List.of("redeemed"));
                            return true;
                        } catch (KafkaException e) {
                            return false;
                        }
                    });

            assertThat(KafkaClients.readAllCommitted(kafka.bootstrapServers(), "ledger.events", Duration.ofSeconds(30)))
                    .containsExactly("opened", "topped-up", "redeemed");
        }
    }

    private static CompletableFuture<String> readyAddress(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(EmbeddedKafkaMain.READY_PREFIX)) {
                        return line.substring(EmbeddedKafkaMain.READY_PREFIX.length());
                    }
                }
                throw new IllegalStateException("the broker process ended before it was ready");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the broker process's output", e);
            }
        });
    }
}
