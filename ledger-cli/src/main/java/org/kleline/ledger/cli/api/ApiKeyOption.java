package org.kleline.ledger.cli.api;

import java.nio.file.Path;
import java.util.Optional;
import org.kleline.ledger.cli.keys.AdminKeyFile;
import picocli.CommandLine.Option;

/**
 * {@code --api-key}, for every command that calls the HTTP API: the key given (on the command line, or
 * as the environment variable {@value #ENVIRONMENT} by the rule of every option), else (for a command
 * that knows a {@code --data-dir}) the admin key that {@code ledger run} wrote to {@code <data-dir>/admin.key}.
 */
public final class ApiKeyOption {

    /** The variable of {@code --api-key} by the rule of every option ({@code EnvironmentDefaults}). */
    public static final String ENVIRONMENT = "LEDGER_API_KEY";

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "The API key to call the HTTP API with (default: with --data-dir, the admin key of "
                    + "that ledger run, DIR/admin.key).")
    String apiKey;

    /** The key to send, if any. */
    public Optional<String> resolve(Optional<Path> dataDir) {
        return resolve(apiKey, dataDir);
    }

    static Optional<String> resolve(String given, Optional<Path> dataDir) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.trim());
        }
        return dataDir.flatMap(dir -> AdminKeyFile.read(dir.resolve(AdminKeyFile.NAME)));
    }
}
