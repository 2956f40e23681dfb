package org.kleline.ledger.cli.api;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --api-url}, {@code --api-key} and {@code --tls-ca} of the commands that call the ledger's HTTP API and no run's data directory. */
public final class LedgerApiOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ApiCallerOptions caller;

    @Option(
            names = "--api-url",
            defaultValue = LedgerApi.DEFAULT_URL,
            paramLabel = "URL",
            description = "The ledger's HTTP API (default ${DEFAULT-VALUE}).")
    URI apiUrl;

    /** The API's address as given. */
    public URI url() {
        return apiUrl;
    }

    /**
     * A client of the API at {@link #url()} with the key given, if any, trusting {@code --tls-ca} over https; a bad
     * URL or CA file is a usage error (exit 2) naming why.
     */
    public LedgerApi connect() {
        try {
            return caller.connect(apiUrl, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
