package org.kleline.ledger.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.CommandRun;
import org.kleline.ledger.cli.demo.DemoLoader;
import org.kleline.ledger.cli.discovery.RunAddresses;
import org.kleline.ledger.model.tls.TestCertificates;
import org.kleline.ledger.web.tls.ServerTls;

/**
 * {@code ledger run} serving HTTPS with a test certificate (--tls-cert, --tls-key): a client trusting that
 * certificate (--tls-ca) is answered, plain HTTP on the port is not, the Host check still refuses a foreign name,
 * the demo loads through the API over HTTPS, the addresses file names the https URL, and {@code ledger verify
 * --data-dir DIR --tls-ca PEM} agrees.
 */
class LedgerRunHttpsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    static Path root;

    private static TestCertificates certificates;

    @AutoClose
    private static LedgerRun ledger;

    private static LedgerClient api;

    @BeforeAll
    static void start() {
        certificates = TestCertificates.selfSigned(root.resolve("tls"));
        ServerTls tls = ServerTls.fromPem(certificates.certificatePem(), certificates.privateKeyPem());
        ledger = LedgerRun.start(
                new RunSettings(root.resolve("data"), 0, 3, PARIS).withTls(Optional.of(tls), Optional.empty()));
        api = LedgerClient.admin(ledger);
    }

    @Test
    void aClientTrustingTheCertificateIsAnsweredOverHttpsAndOneTrustingOnlyTheJdkIsNot() {
        assertThat(ledger.httpUrl().toString()).isEqualTo("https://127.0.0.1:" + ledger.port());
        SSLContext trustingTheCa = ServerTls.clientTrusting(Optional.of(certificates.certificatePem()));
        LedgerClient withTheCa = new LedgerClient(ledger.httpUrl(), api.apiKey(), Optional.of(trustingTheCa));

        assertThat(withTheCa.get("/v1/trial-balance").status()).isEqualTo(200);
        assertThat(withTheCa.withKey(null).get("/v1/trial-balance").status()).isEqualTo(401);
        LedgerClient trustingTheJdk = new LedgerClient(
                ledger.httpUrl(), api.apiKey(), Optional.of(ServerTls.clientTrusting(Optional.empty())));
        assertThatThrownBy(() -> trustingTheJdk.get("/health")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void plainHttpToThePortGetsNoAnswer() {
        LedgerClient plain = new LedgerClient(URI.create("http://127.0.0.1:" + ledger.port()), api.apiKey());
        int status;
        try {
            status = plain.get("/v1/trial-balance").status();
        } catch (UncheckedIOException e) {
            status = -1;
        }
        assertThat(status).as("plain HTTP to the HTTPS port").isNotEqualTo(200);
    }

    @Test
    void theHostCheckStillRefusesAForeignNameOverHttps() throws Exception {
        javax.net.SocketFactory overTls = ledger.clientTls().orElseThrow().getSocketFactory();

        assertThat(RawHttp.send(overTls, ledger.port(), health("evil.example:" + ledger.port()))
                        .status())
                .isEqualTo(421);
        assertThat(RawHttp.send(overTls, ledger.port(), health("localhost:" + ledger.port()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theDemoLoadsOverHttpsAndVerifyFollowsTheAddressesFileWithTheCa() throws Exception {
        StringWriter demo = new StringWriter();
        assertThat(DemoLoader.loadOnce(ledger.dataDir(), ledger.adminApi(), new PrintWriter(demo, true)))
                .isTrue();
        assertThat(demo.toString()).contains("all ACCEPTED");

        RunAddresses addresses = RunAddresses.readFrom(ledger.dataDir());
        assertThat(addresses.apiUrl()).isEqualTo(ledger.httpUrl());
        assertThat(addresses.apiUrl().getScheme()).isEqualTo("https");
        assertThat(Files.readString(ledger.dataDir().resolve(RunAddresses.FILE_NAME)))
                .contains("api.url=https\\://127.0.0.1\\:" + ledger.port());

        CommandRun verify = CommandRun.verifyWaiting(
                "--data-dir",
                ledger.dataDir().toString(),
                "--tls-ca",
                certificates.certificatePem().toString());
        assertThat(verify.exitCode()).as(verify.out() + "\n" + verify.err()).isZero();
        assertThat(verify.out()).contains("HTTP API URL");
    }

    @Test
    void theStartUpLinesNameTheHttpsUrlAndTheCaToTrust() {
        StringWriter lines = new StringWriter();
        String pem = certificates.certificatePem().toString();
        RunCommand.printAddresses(new PrintWriter(lines, true), ledger, pem);

        assertThat(lines.toString())
                .contains("HTTP API         https://localhost:" + ledger.port())
                .contains("clients trust it with --tls-ca " + pem)
                .contains("ledger verify --data-dir " + ledger.dataDir() + " --tls-ca " + pem);
    }

    private static RawHttp.Request health(String host) {
        return new RawHttp.Request("GET", "/health", List.<String[]>of(new String[] {"Host", host}), null, false);
    }
}
