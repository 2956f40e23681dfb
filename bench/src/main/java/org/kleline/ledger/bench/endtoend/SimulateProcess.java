package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ledger simulate --transactions N --api-url URL} in a JVM of its own; returns the lines it appended. */
final class SimulateProcess {

    private static final Pattern APPENDED = Pattern.compile("Appended ([\\d,]+) lines");
    private static final long TIMEOUT_MINUTES = 20;

    private SimulateProcess() {}

    static long run(Path ledgerJar, URI api, String apiKey, long transactions, Path log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(
                        LedgerProcess.javaExecutable(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        ledgerJar.toString(),
                        "simulate",
                        "--transactions",
                        Long.toString(transactions),
                        "--api-url",
                        api.toString(),
                        "--api-key",
                        apiKey))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "ledger simulate did not end within " + TIMEOUT_MINUTES + " min; see " + log);
        }
        String output = Files.readString(log);
        Matcher m = APPENDED.matcher(output);
        if (process.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("ledger simulate exited " + process.exitValue() + "; see " + log);
        }
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
