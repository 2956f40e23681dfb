package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.model.tls.TestCertificates;
import org.kleline.ledger.web.tls.ServerTls;

/** The one server, serving HTTPS with a PEM pair or a PKCS12 store made in the test; plain HTTP gets nothing. */
class HttpsServerTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static SSLContext trusting;

    @BeforeAll
    static void makeCertificate() {
        certificates = TestCertificates.selfSigned(dir.resolve("tls"));
        trusting = ServerTls.clientTrusting(Optional.of(certificates.certificatePem()));
    }

    @Test
    void aPemCertificateAndKeyServeHttps() throws Exception {
        try (LedgerHttpServer server =
                start(ServerTls.fromPem(certificates.certificatePem(), certificates.privateKeyPem()))) {
            assertThat(server.scheme()).isEqualTo("https");
            HttpResponse<String> answer = get(client(trusting), "https://localhost:" + server.port() + "/ping");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("pong");
            assertThat(get(client(trusting), "https://127.0.0.1:" + server.port() + "/ping")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aServerTrustsTheCertificatesItServesWhenItCallsItself() throws Exception {
        ServerTls tls = ServerTls.fromPkcs12(certificates.keyStore(), certificates.password());
        try (LedgerHttpServer server = start(tls)) {
            assertThat(get(client(tls.clientTrustingItself()), "https://localhost:" + server.port() + "/ping")
                            .body())
                    .isEqualTo("pong");
        }
        TestCertificates other = TestCertificates.selfSigned(dir.resolve("another"));
        ServerTls another = ServerTls.fromPem(other.certificatePem(), other.privateKeyPem());
        try (LedgerHttpServer server = start(tls)) {
            assertThatThrownBy(() ->
                            get(client(another.clientTrustingItself()), "https://localhost:" + server.port() + "/ping"))
                    .as("a context trusting another certificate only")
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aPkcs12StoreServesHttpsAndPlainHttpOrAnUntrustingClientGetsNoAnswer() throws Exception {
        try (LedgerHttpServer server = start(ServerTls.fromPkcs12(certificates.keyStore(), certificates.password()))) {
            assertThat(get(client(trusting), "https://localhost:" + server.port() + "/ping")
                            .body())
                    .isEqualTo("pong");
            assertThat(plainStatus("http://localhost:" + server.port() + "/ping"))
                    .isNotEqualTo(200);
            assertThatThrownBy(() -> get(
                            client(ServerTls.clientTrusting(Optional.empty())),
                            "https://localhost:" + server.port() + "/ping"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> ServerTls.fromPkcs12(certificates.keyStore(), "wrong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(certificates.keyStore().toString());
    }

    private static LedgerHttpServer start(ServerTls tls) {
        HttpServerConfig config = HttpServerConfig.onPort(0).withTls(Optional.of(tls));
        return LedgerHttpServer.create(config, List.of(routes -> routes.get("/ping", ctx -> ctx.result("pong"))))
                .start();
    }

    /** The status of a plain HTTP request, or -1 when the connection gives no HTTP answer at all. */
    private static int plainStatus(String url) throws InterruptedException {
        try {
            return get(
                            HttpClient.newBuilder()
                                    .connectTimeout(Duration.ofSeconds(5))
                                    .build(),
                            url)
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
