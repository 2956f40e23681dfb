package org.kleline.ledger.model.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one place the ledger reads TLS keys and certificates: a key store file (PKCS12 or JKS), a PEM
 * certificate chain with its PKCS#8 PEM private key, or PEM CA certificates to trust; and the
 * {@link SSLContext} made of them. Used by the HTTP servers ({@code --tls-cert}, {@code --tls-keystore}),
 * their clients ({@code --tls-ca}) and the schema registry client ({@code schema.registry.ssl.*}).
 * Every failure is an {@link IllegalArgumentException} naming the file and what is wrong with it.
 */
public final class KeyMaterial {

    /** The password of the key stores made in memory from PEM files; never written anywhere. */
    public static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String ALIAS = "ledger";

    private KeyMaterial() {}

    /** A key store file of {@code type} ({@code PKCS12}, {@code JKS}) opened with {@code password}. */
    public static KeyStore keyStore(Path file, char[] password, String type) {
        Objects.requireNonNull(file, "file");
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key store type '" + type + "' is not known (PKCS12 or JKS)", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot open the " + type + " key store " + file + " (a wrong password, or not a " + type
                            + " file): " + e.getMessage(),
                    e);
        }
    }

    /**
     * A key store holding the private key of {@code privateKeyPem} (PKCS#8, {@code BEGIN PRIVATE KEY}; RSA or
     * EC) with the chain of {@code certificatePem} (the server's certificate first), under {@link
     * #IN_MEMORY_PASSWORD}.
     */
    public static KeyStore fromPem(Path certificatePem, Path privateKeyPem) {
        List<Certificate> chain = certificates(certificatePem);
        PrivateKey key = privateKey(privateKeyPem);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the key of " + privateKeyPem + " does not go with the certificate of " + certificatePem + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** A trust store of every certificate in {@code caPem} (one or more {@code BEGIN CERTIFICATE} blocks). */
    public static KeyStore trustingPem(Path caPem) {
        List<Certificate> certificates = certificates(caPem);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot trust the certificates of " + caPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * A TLS context presenting {@code keys} (none: a client without a certificate) and trusting
     * {@code trust} (none: the JVM's trust store, {@code -Djavax.net.ssl.trustStore} or the JDK's CAs).
     */
    public static SSLContext sslContext(Optional<KeyStore> keys, char[] keyPassword, Optional<KeyStore> trust) {
        try {
            KeyManagerFactory keyManagers = null;
            if (keys.isPresent()) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys.get(), keyPassword);
            }
            TrustManagerFactory trustManagers = null;
            if (trust.isPresent()) {
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trust.get());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keyManagers == null ? null : keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot make a TLS context of these keys: " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path pem) {
        List<Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlock block : blocks(pem)) {
                if (block.label().equals("CERTIFICATE")) {
                    certificates.add(factory.generateCertificate(new java.io.ByteArrayInputStream(block.der())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pem + " holds a certificate that cannot be read: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(pem + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static PrivateKey privateKey(Path pem) {
        List<PemBlock> blocks = blocks(pem);
        for (PemBlock block : blocks) {
            if (block.label().equals("PRIVATE KEY")) {
                PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(block.der());
                for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                    } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException notThisOne) {
                        // the next algorithm
                    }
                }
                throw new IllegalArgumentException(pem + " holds a PKCS#8 key that is neither RSA, EC nor Ed25519");
            }
        }
        String found = blocks.stream().map(PemBlock::label).findFirst().orElse("no PEM block");
        throw new IllegalArgumentException(pem + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----) but "
                + found + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + pem.getFileName()
                + " -out key.pem");
    }

    private static List<PemBlock> blocks(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + pem + ": " + e.getMessage(), e);
        }
        List<PemBlock> blocks = new ArrayList<>();
        Matcher matcher = PEM_BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(
                        new PemBlock(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pem + ": a " + matcher.group(1) + " block is not base64", e);
            }
        }
        return blocks;
    }

    private record PemBlock(String label, byte[] der) {}
}
