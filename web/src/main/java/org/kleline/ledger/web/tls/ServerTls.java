package org.kleline.ledger.web.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.kleline.ledger.model.tls.KeyMaterial;

/**
 * The key and certificate an HTTP server of the ledger serves TLS with: a PEM certificate chain and its
 * PKCS#8 PEM key ({@code --tls-cert}, {@code --tls-key}), or a PKCS12 key store and its password
 * ({@code --tls-keystore}, {@code --tls-keystore-password}). Read once, at start; a file that cannot be
 * read is an {@link IllegalArgumentException} naming it.
 *
 * @param keyStore    the key and its certificate chain
 * @param keyPassword the password of the key entry
 * @param source      where they were read from, for the start-up lines and errors
 */
public record ServerTls(KeyStore keyStore, char[] keyPassword, String source) {

    public ServerTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(source, "source");
    }

    public static ServerTls fromPem(Path certificate, Path privateKey) {
        return new ServerTls(
                KeyMaterial.fromPem(certificate, privateKey),
                KeyMaterial.IN_MEMORY_PASSWORD,
                certificate + " and " + privateKey);
    }

    public static ServerTls fromPkcs12(Path keyStore, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        return new ServerTls(KeyMaterial.keyStore(keyStore, secret, "PKCS12"), secret, keyStore.toString());
    }

    /** A client context trusting the JVM's trust store, or only the PEM CA certificates of {@code caPem}. */
    public static SSLContext clientTrusting(Optional<Path> caPem) {
        return KeyMaterial.sslContext(Optional.empty(), null, caPem.map(KeyMaterial::trustingPem));
    }

    /**
     * A client context trusting the certificates this serves, and no other: for a process that calls its own
     * HTTPS API ({@code ledger run} loading its demo). The host name is still checked against the certificate.
     */
    public SSLContext clientTrustingItself() {
        try {
            KeyStore served = KeyStore.getInstance(KeyStore.getDefaultType());
            served.load(null, null);
            int n = 0;
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate[] chain = keyStore.getCertificateChain(alias);
                for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
                    served.setCertificateEntry("served-" + n++, certificate);
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException(source + " holds no certificate to serve");
            }
            return KeyMaterial.sslContext(Optional.empty(), null, Optional.of(served));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot trust the certificates of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ServerTls[" + source + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerTls that && keyStore == that.keyStore && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }
}
