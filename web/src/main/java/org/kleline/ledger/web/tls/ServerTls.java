package org.kleline.ledger.web.tls;

import java.nio.file.Path;
import java.security.KeyStore;
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
