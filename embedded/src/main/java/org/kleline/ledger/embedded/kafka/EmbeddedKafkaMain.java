package org.kleline.ledger.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Runs an embedded broker in its own JVM: {@code java -cp ... EmbeddedKafkaMain <data-dir>}.
 * Prints {@value #READY_PREFIX}{@code <bootstrap servers>} on standard output once the broker
 * is ready, and shuts down cleanly when standard input closes, so a parent that dies takes its
 * child broker with it. The crash tests and the start-up timer kill it with SIGKILL instead.
 */
public final class EmbeddedKafkaMain {

    public static final String READY_PREFIX = "READY ";

    private EmbeddedKafkaMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EmbeddedKafkaMain <data-directory>");
            System.exit(2);
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]))) {
            System.out.println(READY_PREFIX + kafka.bootstrapServers());
            System.out.flush();
            drain(System.in);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // Input carries no commands; only its end matters.
        }
    }
}
