package org.kleline.ledger.cli.keys;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.kleline.ledger.web.auth.ClusterSecret;

/**
 * How a {@code ledger node} or {@code ledger ingest} serves: the interface it binds, the secret the
 * ledger's processes share, and where the first admin key goes when none was made yet.
 *
 * @param bind          the interface the HTTP server listens on
 * @param clusterSecret the secret shared by the nodes and ingests (forwarded reads, ingest's query side)
 * @param adminKeyFile  when given and absent, an admin key is made at start and written there
 */
public record ServerAccess(String bind, ClusterSecret clusterSecret, Optional<Path> adminKeyFile) {

    /** Every interface, as the split roles have always listened. */
    public static final String DEFAULT_BIND = "0.0.0.0";

    public ServerAccess {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(clusterSecret, "clusterSecret");
        Objects.requireNonNull(adminKeyFile, "adminKeyFile");
    }
}
