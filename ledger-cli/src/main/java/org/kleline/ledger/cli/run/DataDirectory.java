package org.kleline.ledger.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kleline.ledger.cli.lifecycle.StartupFailure;

/**
 * The data directory of {@code ledger run}: the broker's logs and the ports it keeps ({@code kafka/},
 * {@code ports.properties}), the projector's state ({@code streams/}), the demo's marker, and while the
 * run is up its addresses ({@code ledger-run.properties}, {@code RunAddresses}). Checked
 * before anything starts, so an unusable directory is one clear line, not a broker's stack trace.
 */
final class DataDirectory {

    static final String STREAMS_STATE = "streams";

    private DataDirectory() {}

    /** Creates it when absent and proves it writable; returns its absolute, normalised path. */
    public static Path prepare(Path requested) {
        Path dir = requested.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupFailure("data directory " + dir + " is not a directory (--data-dir)");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupFailure("data directory " + dir + " is not writable (--data-dir): " + e, e);
        }
        return dir;
    }

    static Path streamsState(Path dataDir) {
        return dataDir.resolve(STREAMS_STATE);
    }
}
