package org.kleline.ledger.cli.keys;

import java.nio.file.Path;
import java.util.Optional;
import org.kleline.ledger.web.tls.ServerTls;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a server serves HTTPS: {@code --tls-cert} with {@code --tls-key} (PEM; the key PKCS#8), or
 * {@code --tls-keystore} with {@code --tls-keystore-password} (PKCS12); and {@code --tls-ca}, the CA
 * certificates it trusts when it calls the other processes of the ledger over HTTPS. Each also from its
 * {@code LEDGER_TLS_...} variable, by the rule of every option.
 */
public final class TlsOptions {

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Serve HTTPS only, with this certificate chain (PEM, the server's certificate first); "
                    + "needs --tls-key.")
    Path certificate;

    @Option(
            names = "--tls-key",
            paramLabel = "PEM",
            description = "The private key of --tls-cert (PEM, PKCS#8: -----BEGIN PRIVATE KEY-----).")
    Path privateKey;

    @Option(
            names = "--tls-keystore",
            paramLabel = "P12",
            description = "Serve HTTPS only, with the key and certificate of this PKCS12 file (instead of "
                    + "--tls-cert and --tls-key).")
    Path keyStore;

    @Option(
            names = "--tls-keystore-password",
            paramLabel = "PASSWORD",
            description = "The password of --tls-keystore (better given as LEDGER_TLS_KEYSTORE_PASSWORD).")
    String keyStorePassword;

    @Mixin
    TlsCaOption ca;

    /** The key and certificate to serve with, if any; {@link IllegalArgumentException} naming the options otherwise. */
    public Optional<ServerTls> serverTls() {
        if (keyStore != null) {
            if (certificate != null || privateKey != null) {
                throw new IllegalArgumentException("give --tls-keystore, or --tls-cert with --tls-key, not both");
            }
            return Optional.of(withOption("--tls-keystore", () -> ServerTls.fromPkcs12(keyStore, keyStorePassword)));
        }
        if (certificate == null && privateKey == null) {
            return Optional.empty();
        }
        if (certificate == null || privateKey == null) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both");
        }
        return Optional.of(withOption("--tls-cert/--tls-key", () -> ServerTls.fromPem(certificate, privateKey)));
    }

    public Optional<Path> caFile() {
        return ca.caFile();
    }

    /**
     * The PEM a client of this server is told to trust ({@code --tls-ca}): the CA file given, else the served
     * certificate chain of {@code --tls-cert}; empty with a key store alone (its CA is known to its owner only).
     */
    public Optional<Path> trustedByClients() {
        return ca.caFile().or(() -> Optional.ofNullable(certificate));
    }

    private static ServerTls withOption(String option, java.util.function.Supplier<ServerTls> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
