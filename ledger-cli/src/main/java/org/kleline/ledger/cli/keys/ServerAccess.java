package org.kleline.ledger.cli.keys;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.server.HttpLimits;
import org.kleline.ledger.web.server.HttpServerConfig;
import org.kleline.ledger.web.tls.ServerTls;

/**
 * How a {@code ledger node} or {@code ledger ingest} serves: the interface it binds, the secret the
 * ledger's processes share, where the first admin key goes when none was made yet, its TLS, and the bounds
 * of its HTTP server.
 *
 * @param bind          the interface the HTTP server listens on
 * @param clusterSecret the secret shared by the nodes and ingests (forwarded reads, ingest's query side)
 * @param adminKeyFile  when given and absent, an admin key is made at start and written there
 * @param tls           the key and certificate to serve HTTPS with ({@code --tls-cert}/{@code --tls-key} or
 *                      {@code --tls-keystore}); empty: plain HTTP
 * @param tlsCa         the CA certificates (PEM) this process trusts when it calls the other nodes over HTTPS
 *                      ({@code --tls-ca}); empty: the JVM's trust store
 * @param httpLimits    what the HTTP server lets clients hold at once
 */
public record ServerAccess(
        String bind,
        ClusterSecret clusterSecret,
        Optional<Path> adminKeyFile,
        Optional<ServerTls> tls,
        Optional<Path> tlsCa,
        HttpLimits httpLimits) {

    /** Every interface, as the split roles have always listened. */
    public static final String DEFAULT_BIND = "0.0.0.0";

    /** Plain HTTP within the default {@link HttpLimits}. */
    public ServerAccess(String bind, ClusterSecret clusterSecret, Optional<Path> adminKeyFile) {
        this(bind, clusterSecret, adminKeyFile, Optional.empty(), Optional.empty());
    }

    /** Within the default {@link HttpLimits}. */
    public ServerAccess(
            String bind,
            ClusterSecret clusterSecret,
            Optional<Path> adminKeyFile,
            Optional<ServerTls> tls,
            Optional<Path> tlsCa) {
        this(bind, clusterSecret, adminKeyFile, tls, tlsCa, HttpLimits.defaults());
    }

    public ServerAccess {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(clusterSecret, "clusterSecret");
        Objects.requireNonNull(adminKeyFile, "adminKeyFile");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(tlsCa, "tlsCa");
        Objects.requireNonNull(httpLimits, "httpLimits");
    }

    /** How the HTTP server binds {@code port}, what it bounds, and its TLS if any. */
    public HttpServerConfig serverConfig(int port) {
        return HttpServerConfig.of(bind, port, httpLimits).withTls(tls);
    }

    /** The context calls to the other processes over HTTPS go with: trusting {@link #tlsCa()}, or the JVM's. */
    public SSLContext clientTls() {
        return ServerTls.clientTrusting(tlsCa);
    }

    /** {@code https} when this process serves TLS, else {@code http}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }
}
