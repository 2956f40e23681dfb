package org.kleline.ledger.projector.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.kleline.ledger.projector.ProjectorMain;

/** A projector in a JVM of its own, so that a test can kill it abruptly (SIGKILL) mid-stream. */
final class ChildProjector implements AutoCloseable {

    private final Process process;

    ChildProjector(Properties props, Path workDir, String name) throws IOException {
        Path config = workDir.resolve(name + ".properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            props.store(out, "child projector " + name);
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        classpath,
                        ProjectorMain.class.getName(),
                        config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile())
                .start();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no commit, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
