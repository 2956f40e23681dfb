package org.kleline.ledger.cli.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import picocli.CommandLine.Option;

/**
 * {@code --api-key}, for every command that calls the HTTP API: the key given, else the environment
 * variable {@value #ENVIRONMENT}, else (for a command that knows a {@code --data-dir}) the admin key
 * that {@code ledger run} wrote to {@code <data-dir>/admin.key}.
 */
public final class ApiKeyOption {

    public static final String ENVIRONMENT = "LEDGER_API_KEY";

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "The API key to call the HTTP API with (default: the environment variable "
                    + ENVIRONMENT + "; with --data-dir, the admin key of that ledger run, DIR/admin.key).")
    String apiKey;

    /** The key to send, if any. */
    public Optional<String> resolve(Optional<Path> dataDir) {
        return resolve(apiKey, System.getenv(), dataDir);
    }

    static Optional<String> resolve(String given, Map<String, String> environment, Optional<Path> dataDir) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.trim());
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        return dataDir.flatMap(dir -> AdminKeyFile.read(dir.resolve(AdminKeyFile.NAME)));
    }
}
