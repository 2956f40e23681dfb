package org.kleline.ledger.model.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made in a test's temporary
 * directory by the JDK's {@code keytool}, in every shape the ledger reads: a PKCS12 key store, the
 * certificate and its PKCS#8 key as PEM files, and a PKCS12 trust store holding the certificate alone.
 * Shared by the modules' tests (this module's test jar).
 *
 * @param keyStore   PKCS12 with the key and certificate, password {@link #password()}
 * @param trustStore PKCS12 with the certificate only, password {@link #password()}
 */
public record TestCertificates(
        Path keyStore, Path trustStore, String password, Path certificatePem, Path privateKeyPem) {

    private static final String ALIAS = "ledger-test";

    /** Makes the files under {@code dir} (created when absent). */
    public static TestCertificates selfSigned(Path dir) {
        try {
            Files.createDirectories(dir);
            String password = "test-password";
            Path keyStore = dir.resolve("server.p12");
            Files.deleteIfExists(keyStore);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keyStore.toString(),
                            "-storepass",
                            password,
                            "-keypass",
                            password))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keyStore)) {
                store.load(in, password.toCharArray());
            }
            Certificate certificate = store.getCertificate(ALIAS);
            Key key = store.getKey(ALIAS, password.toCharArray());
            Path certificatePem = dir.resolve("server.crt.pem");
            Path privateKeyPem = dir.resolve("server.key.pem");
            Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privateKeyPem, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            Path trustStore = dir.resolve("trust.p12");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, password.toCharArray());
            }
            return new TestCertificates(keyStore, trustStore, password, certificatePem, privateKeyPem);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
