package org.kleline.ledger.cli.keys;

import java.nio.file.Path;
import java.util.Optional;
import org.kleline.ledger.cli.lifecycle.HttpLimitsOptions;
import org.kleline.ledger.web.auth.ClusterSecret;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --bind}, {@code --cluster-secret}, {@code --admin-key-file}, the TLS options ({@link TlsOptions}) and
 * the HTTP server's limits ({@link HttpLimitsOptions}) of {@code ledger node} and {@code ledger ingest}.
 */
public final class ServerAccessOptions {

    @Option(
            names = "--bind",
            defaultValue = ServerAccess.DEFAULT_BIND,
            paramLabel = "ADDRESS",
            description = "The interface the HTTP server listens on (default ${DEFAULT-VALUE}, every interface).")
    String bind;

    @Option(
            names = "--cluster-secret",
            paramLabel = "SECRET",
            description = "The secret every node and ingest of this ledger shares (at least "
                    + ClusterSecret.LENGTH_MIN + " characters; required). Nodes send it with the reads they forward "
                    + "to each other, an ingest with its reads of --query-url; a request to /internal/v1/reads "
                    + "without it is refused.")
    String clusterSecret;

    @Option(
            names = "--admin-key-file",
            paramLabel = "FILE",
            description = "When FILE does not exist, make an admin API key at start and write it there (readable "
                    + "by its owner only): the first key of a new ledger. An existing FILE is left as it is.")
    Path adminKeyFile;

    @Mixin
    TlsOptions tls;

    @Mixin
    HttpLimitsOptions httpLimits;

    /** The settings; {@link IllegalArgumentException} when no usable cluster secret is given. */
    public ServerAccess settings() {
        String secret = clusterSecret;
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a cluster secret is required: --cluster-secret or "
                    + ClusterSecret.ENVIRONMENT + " (the same on every node and ingest of this ledger)");
        }
        ClusterSecret checked;
        try {
            checked = ClusterSecret.of(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cluster-secret: " + e.getMessage(), e);
        }
        return new ServerAccess(
                bind, checked, Optional.ofNullable(adminKeyFile), tls.serverTls(), tls.caFile(), httpLimits.limits());
    }
}
