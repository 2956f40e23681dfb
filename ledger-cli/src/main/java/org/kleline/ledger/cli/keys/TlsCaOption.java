package org.kleline.ledger.cli.keys;

import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.kleline.ledger.web.tls.ServerTls;
import picocli.CommandLine.Option;

/**
 * {@code --tls-ca} ({@code LEDGER_TLS_CA}): the CA certificates, PEM, trusted when calling the ledger's HTTP API
 * over {@code https://} (a client command's {@code --api-url}, a node's forwarded reads, ingest's
 * {@code --query-url}). Without it, the JVM's trust store ({@code -Djavax.net.ssl.trustStore=...} in
 * {@code JAVA_TOOL_OPTIONS}, or the JDK's CAs).
 */
public final class TlsCaOption {

    @Option(
            names = "--tls-ca",
            paramLabel = "PEM",
            description = "CA certificates (PEM) to trust when calling the HTTP API over https:// (forwarded reads, "
                    + "--query-url, --api-url); default: the JVM's trust store.")
    Path caFile;

    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    /** The context to call with: trusting {@code --tls-ca}, or the JVM's trust store. */
    public SSLContext context() {
        try {
            return ServerTls.clientTrusting(caFile());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls-ca: " + e.getMessage(), e);
        }
    }
}
