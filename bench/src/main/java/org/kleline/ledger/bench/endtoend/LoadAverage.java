package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average, from {@code /proc/loadavg}: every figure is quoted with it. */
final class LoadAverage {

    private LoadAverage() {}

    static double oneMinute() {
        try {
            return Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/loadavg", e);
        }
    }
}
