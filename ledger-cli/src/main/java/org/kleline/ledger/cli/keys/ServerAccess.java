package org.kleline.ledger.cli.keys;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.server.HttpLimits;
import org.kleline.ledger.web.server.HttpServerConfig;

/**
 * How a {@code ledger node} or {@code ledger ingest} serves: the interface it binds, the secret the
 * ledger's processes share, where the first admin key goes when none was made yet, and the bounds of its
 * HTTP server.
 *
 * @param bind          the interface the HTTP server listens on
 * @param clusterSecret the secret shared by the nodes and ingests (forwarded reads, ingest's query side)
 * @param adminKeyFile  when given and absent, an admin key is made at start and written there
 * @param httpLimits    what the HTTP server lets clients hold at once
 */
public record ServerAccess(
        String bind, ClusterSecret clusterSecret, Optional<Path> adminKeyFile, HttpLimits httpLimits) {

    /** Every interface, as the split roles have always listened. */
    public static final String DEFAULT_BIND = "0.0.0.0";

    public ServerAccess {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(clusterSecret, "clusterSecret");
        Objects.requireNonNull(adminKeyFile, "adminKeyFile");
        Objects.requireNonNull(httpLimits, "httpLimits");
    }

    /** Within the default {@link HttpLimits}. */
    public ServerAccess(String bind, ClusterSecret clusterSecret, Optional<Path> adminKeyFile) {
        this(bind, clusterSecret, adminKeyFile, HttpLimits.defaults());
    }

    /** How the HTTP server binds {@code port} and what it bounds. */
    public HttpServerConfig serverConfig(int port) {
        return HttpServerConfig.of(bind, port, httpLimits);
    }
}
