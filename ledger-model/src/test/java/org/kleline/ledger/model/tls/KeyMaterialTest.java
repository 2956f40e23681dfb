package org.kleline.ledger.model.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificate() {
        certificates = TestCertificates.selfSigned(dir.resolve("tls"));
    }

    @Test
    void aPemCertificateAndKeyMakeTheSameEntryAsThePkcs12File() throws Exception {
        KeyStore fromPem = KeyMaterial.fromPem(certificates.certificatePem(), certificates.privateKeyPem());
        KeyStore fromFile = KeyMaterial.keyStore(
                certificates.keyStore(), certificates.password().toCharArray(), "PKCS12");

        String pemAlias = Collections.list(fromPem.aliases()).get(0);
        String fileAlias = Collections.list(fromFile.aliases()).get(0);
        assertThat(fromPem.getCertificate(pemAlias)).isEqualTo(fromFile.getCertificate(fileAlias));
        PrivateKey pemKey = (PrivateKey) fromPem.getKey(pemAlias, KeyMaterial.IN_MEMORY_PASSWORD);
        assertThat(pemKey.getEncoded())
                .isEqualTo(fromFile.getKey(fileAlias, certificates.password().toCharArray())
                        .getEncoded());
        assertThat(KeyMaterial.sslContext(Optional.of(fromPem), KeyMaterial.IN_MEMORY_PASSWORD, Optional.empty()))
                .isNotNull();
    }

    @Test
    void aCaFileIsTrusted() throws Exception {
        KeyStore trust = KeyMaterial.trustingPem(certificates.certificatePem());
        assertThat(trust.size()).isEqualTo(1);
        assertThat(trust.isCertificateEntry("ca-0")).isTrue();
    }

    @Test
    void wrongFilesAreNamedWithWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> KeyMaterial.keyStore(certificates.keyStore(), "wrong".toCharArray(), "PKCS12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(certificates.keyStore().toString())
                .hasMessageContaining("wrong password");
        assertThatThrownBy(() -> KeyMaterial.fromPem(certificates.certificatePem(), certificates.certificatePem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PKCS#8 private key")
                .hasMessageContaining("openssl pkcs8");
        Path rsaStyle = dir.resolve("pkcs1.pem");
        Files.writeString(rsaStyle, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyMaterial.fromPem(certificates.certificatePem(), rsaStyle))
                .hasMessageContaining("RSA PRIVATE KEY");
        assertThatThrownBy(() -> KeyMaterial.trustingPem(certificates.privateKeyPem()))
                .hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> KeyMaterial.trustingPem(dir.resolve("absent.pem")))
                .hasMessageContaining("cannot read");
    }
}
