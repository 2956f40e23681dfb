package org.kleline.ledger.cli.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.kleline.ledger.cli.keys.TlsCaOption;
import picocli.CommandLine.Mixin;

/** {@code --api-key} and {@code --tls-ca}: the key a command calls the HTTP API with, and the CA it trusts over https. */
public final class ApiCallerOptions {

    @Mixin
    ApiKeyOption apiKey;

    @Mixin
    TlsCaOption tlsCa;

    /**
     * A client of the API at {@code url} with the key given, else (with {@code dataDir}) the run's admin key, trusting
     * {@code --tls-ca} over https; {@link IllegalArgumentException} naming the option when the URL or CA file is not
     * usable.
     */
    public LedgerApi connect(URI url, Optional<Path> dataDir) {
        return new LedgerApi(url, apiKey.resolve(dataDir), Optional.of(tlsCa.context()));
    }
}
